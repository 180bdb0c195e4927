// Draws the PWA icons (NHS blue square, two white linked rings: "tandem") and writes them as PNG.
// No network and no image libraries: the PNG is encoded by hand with zlib. Run: node scripts/generate-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");
const NHS_BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage (0..1) of the white shape at a point in unit coordinates, before scaling. */
function inShape(x, y) {
  const ring = (cx) => {
    const d = Math.hypot(x - cx, y - 0.5);
    return d <= 0.2 && d >= 0.13;
  };
  return ring(0.36) || ring(0.64);
}

/** Renders at `size` with 4×4 supersampling; `scale` shrinks the shape into the maskable safe zone. */
function render(size, scale) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 3);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = (px + (sx + 0.5) / samples) / size;
          const uy = (py + (sy + 0.5) / samples) / size;
          if (inShape((ux - 0.5) / scale + 0.5, (uy - 0.5) / scale + 0.5)) hits++;
        }
      }
      const a = hits / (samples * samples);
      const i = (py * size + px) * 3;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(NHS_BLUE[c] * (1 - a) + WHITE[c] * a);
    }
  }
  return encodePng(size, size, pixels);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgb) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: "icon-192.png", size: 192, scale: 1 },
  { file: "icon-512.png", size: 512, scale: 1 },
  // Maskable: platforms may crop to a circle of 80% diameter, so the shape shrinks into that safe zone.
  { file: "icon-maskable-512.png", size: 512, scale: 0.75 },
  { file: "apple-touch-icon-180.png", size: 180, scale: 0.9 },
];

mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  writeFileSync(join(outDir, icon.file), render(icon.size, icon.scale));
  console.log(`wrote ${icon.file}`);
}
