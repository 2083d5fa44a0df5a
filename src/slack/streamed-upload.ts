// A large file for Slack without holding it in memory. Slack's external upload needs the file's
// length before the bytes (files.getUploadURLExternal takes `length`), so the file is first
// written to a temporary file as it is produced — its size is then known — and the bytes are
// sent from that file to the upload URL as a stream, then the upload is completed into the
// channel (files.completeUploadExternal). files.uploadV2 in @slack/web-api takes the whole file
// as one Buffer; this is the same three steps with the middle one streamed.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { WebClient } from "@slack/web-api";

export interface TempFile {
  path: string;
  /** Bytes written. */
  length: number;
  /** Removes the file (safe to call twice). */
  dispose(): Promise<void>;
}

/** `chunks` written to a temporary file of their own, as they come (the writer's back-pressure holds the producer). */
export async function writeTempFile(chunks: AsyncIterable<string | Uint8Array>, name = "upload"): Promise<TempFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ldo-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, name);
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), createWriteStream(file));
    return { path: file, length: (await stat(file)).size, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

export interface UploadTarget {
  channel_id: string;
  filename: string;
  title?: string;
  initial_comment?: string;
  thread_ts?: string;
}

/** The file at `file.path` into the channel, its bytes streamed to Slack's upload URL. */
export async function uploadFileStreamed(client: WebClient, file: TempFile, target: UploadTarget): Promise<void> {
  const { channel_id, filename, title, initial_comment, thread_ts } = target;
  const url = (await client.apiCall("files.getUploadURLExternal", { filename, length: file.length })) as {
    upload_url?: string;
    file_id?: string;
  };
  if (!url.upload_url || !url.file_id) throw new Error("files.getUploadURLExternal gave no upload URL");
  await postFile(url.upload_url, file, client.token);
  await client.apiCall("files.completeUploadExternal", {
    files: JSON.stringify([{ id: url.file_id, title: title ?? filename }]),
    channel_id,
    ...(initial_comment ? { initial_comment } : {}),
    ...(thread_ts ? { thread_ts } : {}),
  });
}

/** POSTs the file's bytes with their length (as @slack/web-api does, with the bot token); anything but 200 is a failure to retry. */
function postFile(uploadUrl: string, file: TempFile, token: string | undefined): Promise<void> {
  const u = new URL(uploadUrl);
  const request = u.protocol === "http:" ? http.request : https.request;
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      {
        method: "POST",
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(file.length),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        res.resume();
        res.once("end", () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`upload URL answered ${res.statusCode}`)),
        );
        res.once("error", reject);
      },
    );
    req.once("error", reject);
    pipeline(createReadStream(file.path), req).catch(reject);
  });
}
