import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

// Where uploaded files live: never under public/, never reachable by URL. Files are read
// back only through app/api/documents/[documentId], after the record check.
//
// - Local disk (the default): PISHKHAN_STORAGE_DIR, else .data/storage in the working
//   directory. Fine for one server; several servers need a shared volume or Vercel Blob.
// - Vercel Blob, when BLOB_READ_WRITE_TOKEN is set: blobs are written with
//   `access: "private"` (supported by @vercel/blob ≥ 2), so their URL alone does not
//   serve them; the app reads them with the token and streams them after its own check.
//
// Keys are random (newStorageKey), never derived from a file name, so that a name cannot
// choose, guess or overwrite a path.
export interface FileStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh random key such as `documents/6f1c…`; the prefix is a fixed word, not user input. */
export function newStorageKey(prefix: "documents" = "documents"): string {
  return `${prefix}/${randomUUID()}`;
}

class InvalidStorageKeyError extends Error {
  constructor() {
    super("invalid storage key");
    this.name = "InvalidStorageKeyError";
  }
}

function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new InvalidStorageKeyError();
  return key;
}

function localStorageRoot(): string {
  return path.resolve(process.env.PISHKHAN_STORAGE_DIR ?? path.join(process.cwd(), ".data", "storage"));
}

/** Files on the local disk under `root`; a key can never leave that directory. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string = localStorageRoot()) {}

  private pathOf(key: string): string {
    const root = path.resolve(this.root);
    const file = path.resolve(root, checkKey(key));
    // Belt and braces: the key pattern already excludes "..", "/" at the start and "\".
    if (!file.startsWith(root + path.sep)) throw new InvalidStorageKeyError();
    return file;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // "wx": never overwrite an existing file (keys are random; a clash is a bug). A write
    // that fails half-way is removed, so a key holds all of its bytes or nothing.
    try {
      await fs.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") await fs.rm(file, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** Private blobs in a Vercel Blob store (BLOB_READ_WRITE_TOKEN). */
class VercelBlobStore implements FileStore {
  constructor(private readonly token: string) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { put } = await import("@vercel/blob");
    await put(checkKey(key), bytes, {
      access: "private",
      token: this.token,
      contentType,
      addRandomSuffix: false,
      allowOverwrite: false,
      cacheControlMaxAge: 60,
    });
  }

  async get(key: string): Promise<Buffer | null> {
    const { get, BlobNotFoundError } = await import("@vercel/blob");
    try {
      const result = await get(checkKey(key), { access: "private", token: this.token, useCache: false });
      if (!result || result.statusCode !== 200) return null;
      return Buffer.from(await new Response(result.stream).arrayBuffer());
    } catch (e) {
      if (e instanceof BlobNotFoundError) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    const { del } = await import("@vercel/blob");
    await del(checkKey(key), { token: this.token });
  }
}

let cached: { signature: string; store: FileStore } | null = null;

/** The store configured by the environment (re-read if the environment changes, e.g. in tests). */
export function fileStore(): FileStore {
  const token = process.env.BLOB_READ_WRITE_TOKEN?.trim();
  const signature = token ? `blob:${token}` : `local:${localStorageRoot()}`;
  if (cached?.signature !== signature) cached = { signature, store: token ? new VercelBlobStore(token) : new LocalFileStore() };
  return cached.store;
}
