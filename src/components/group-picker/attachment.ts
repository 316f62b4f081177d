/**
 * Checks a file the supplier attaches to a connection request, before anything is sent.
 */

/** Types accepted by default: documents a customer can read to identify a supplier. */
export const DEFAULT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.doc,.docx,.xls,.xlsx,.csv,.txt';

/** Default maximum size: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file was refused. */
export type AttachmentProblem = 'type' | 'size' | 'empty';

/**
 * Whether `file` may be attached: `accept` is a comma-separated list of extensions
 * (`.pdf`) and MIME types (`application/pdf`, `image/*`), as in `<input accept>`.
 */
export function checkAttachment(file: File, accept: string, maxBytes: number): AttachmentProblem | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  const patterns = accept
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase())
    .filter(Boolean);
  if (patterns.length === 0) return undefined;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  const accepted = patterns.some((pattern) => {
    if (pattern.startsWith('.')) return name.endsWith(pattern);
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
  return accepted ? undefined : 'type';
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** One formatter per locale and unit: the form shows the size limit at every render, and creating one costs more than the render. */
const byteFormats = new Map<string, Intl.NumberFormat>();

/** A byte count for people ("2.4 MB", "2,4 Mo"). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const key = `${locale} ${unit}`;
  let format = byteFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: UNITS[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    });
    byteFormats.set(key, format);
  }
  return format.format(value);
}
