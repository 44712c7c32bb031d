// esbuild bundles the stylesheet imported by main.tsx into app.css; TypeScript only needs to know it exists.
declare module '*.css';
