/**
 * Offers bytes as a download (Blob + a[download]); nothing is sent anywhere.
 * @example saveBytes(bytes, '计划表.结果.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
 */
export function saveBytes(data: Uint8Array | string, fileName: string, mimeType: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `计划表.xlsx` → `计划表.结果.xlsx`. */
export function resultFileName(fileName: string): string {
  const stem = fileName.replace(/\.xlsx$/i, '') || '工作簿';
  return `${stem}.结果.xlsx`;
}
