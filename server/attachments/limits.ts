import { MAX_MESSAGE_ATTACHMENTS } from "../inbox/conversation.schemas";
import { attachmentMaxBytes, attachmentMessageMaxBytes } from "../lib/attachment-store";

export type UploadLimits = { maxBytes: number; messageMaxBytes: number; maxFiles: number };

/** What the composer checks before uploading; the upload endpoint and the claim enforce the same numbers. */
export const uploadLimits = (): UploadLimits => ({
  maxBytes: attachmentMaxBytes(),
  messageMaxBytes: attachmentMessageMaxBytes(),
  maxFiles: MAX_MESSAGE_ATTACHMENTS,
});

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
