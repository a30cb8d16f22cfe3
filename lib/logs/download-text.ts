/** Saves text as a file from the browser, without a round trip to the server. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // The click has started the download by the next task; the object URL can go then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
