/**
 * Builds the viewer's page (tools/viewer/app: Preact components, bundled by esbuild) into one script and
 * one stylesheet. Nothing is committed or fetched at run time: the collector builds it in memory the first
 * time a page asks for it (about 0.1 s), and `npm run build:viewer` writes the same files to out/viewer/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { build } from 'esbuild';

const APP_DIR = path.join(__dirname, 'app');

export interface ViewerBundle {
    js: string;
    css: string;
    buildMs: number;
}

let cached: Promise<ViewerBundle> | undefined;

async function buildBundle(): Promise<ViewerBundle> {
    const started = Date.now();
    const result = await build({
        entryPoints: [path.join(APP_DIR, 'main.tsx'), path.join(APP_DIR, 'styles.css')],
        bundle: true,
        write: false,
        outdir: 'viewer',
        format: 'iife',
        target: 'es2020',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
        tsconfig: path.join(APP_DIR, 'tsconfig.json')
    });
    const text = (ext: string) => {
        const file = result.outputFiles.find((f) => f.path.endsWith(ext));
        if (!file) {
            throw new Error(`viewer bundle: esbuild produced no ${ext} file`);
        }
        return file.text;
    };
    return { js: text('.js'), css: text('.css'), buildMs: Date.now() - started };
}

/** The bundle, built once per process; a failed build is retried on the next call. */
export function viewerBundle(): Promise<ViewerBundle> {
    cached ??= buildBundle().catch((err: unknown) => {
        cached = undefined;
        throw err;
    });
    return cached;
}

/** The page that loads the bundle; the same for the collector and a static copy. */
export function viewerPage(assetBase: string): string {
    const icon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%236741d9'/%3E%3Cpath d='M5 4l7 4-7 4z' fill='white'/%3E%3C/svg%3E";
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live viewer · Roku media SDK collector</title>
<link rel="icon" href="${icon}">
<link rel="stylesheet" href="${assetBase}app.css">
</head>
<body>
<div id="app"></div>
<script src="${assetBase}app.js"></script>
</body>
</html>
`;
}

/** npm run build:viewer [-- outDir]: writes index.html, app.js and app.css (default out/viewer). */
async function main(outDir: string): Promise<void> {
    const bundle = await viewerBundle();
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'app.js'), bundle.js);
    fs.writeFileSync(path.join(outDir, 'app.css'), bundle.css);
    fs.writeFileSync(path.join(outDir, 'index.html'), viewerPage('./'));
    console.log(`viewer built in ${bundle.buildMs} ms: ${path.relative(process.cwd(), outDir) || '.'} (app.js ${Math.round(bundle.js.length / 1024)} KB, app.css ${Math.round(bundle.css.length / 1024)} KB)`);
}

if (require.main === module) {
    main(path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'out', 'viewer'))).catch((err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exit(1);
    });
}
