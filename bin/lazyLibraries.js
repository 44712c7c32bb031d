// Tables that pdfkit and fontkit build when they are loaded, built on first use instead: fontkit's Unicode
// tries (shaping and scripts: the PDF painter lays text out from the cmap, see src/render/pdf/fontEmbed.ts
// plainLayout), linebreak's (pdfkit's own line wrapping: lines come positioned from the typesetter), brotli
// (WOFF2 fonts) and AES (PDF encryption) are never used here; unicode-properties' trie is (fontkit's glyphs ask
// it whether a character is a mark), so it is built at the first glyph. pdfkit's own require of fontkit is lazy too: a
// run whose fonts all come from their cache files (src/fonts/face.ts) never loads it. Loading pdfkit took half as long
// (measured 690 → 310 ms median under a load average of 12, issue 13). Only the command's process installs this (bin/gongwen.js), only for requires made
// from inside node_modules, and nothing changes but when the work is done.
'use strict';
const Module = require('node:module');
const { dirname, resolve } = require('node:path');

const load = Module._load;

/** A UnicodeTrie that inflates its data on the first lookup. */
function lazyTrie(real) {
  return class LazyUnicodeTrie {
    #data;
    #trie;
    constructor(data) {
      this.#data = data;
    }
    #built() {
      return (this.#trie ??= new real(this.#data));
    }
    get(codePoint) {
      return this.#built().get(codePoint);
    }
    get data() {
      return this.#built().data;
    }
    get highStart() {
      return this.#built().highStart;
    }
    get errorValue() {
      return this.#built().errorValue;
    }
  };
}

/** Loaded on the first call. */
const lazyFunction = (get) =>
  function (...args) {
    return get()(...args);
  };

/** Loaded on the first property read (not for `__esModule`, which interop helpers read at once). */
const lazyExports = (get) => new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : get()[key]) });

/**
 * A module namespace loaded on first use: `__esModule` is true, so TypeScript's `__importStar` keeps the object as
 * it is instead of copying every export at once; listing or reading its names loads it.
 */
const lazyNamespace = (get) =>
  new Proxy(
    {},
    {
      get: (_, key) => (key === '__esModule' ? true : get()[key]),
      has: (_, key) => key in get(),
      ownKeys: () => Reflect.ownKeys(get()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(get(), key);
        return d && { ...d, configurable: true }; // the proxy's own target does not have it
      },
    },
  );

const LAZY = {
  'unicode-trie': (get) => lazyTrie(get()), // the class itself is small; its instances are the cost
  'brotli/decompress.js': lazyFunction,
  '@noble/ciphers/aes': lazyExports,
  fontkit: lazyExports, // pdfkit calls fontkit.create only for fonts given as files or bytes; ours are objects
  // commander spawns a process only for executable subcommands (we have none); loading child_process brought net,
  // dgram and the streams with it, about fifty of Node's own modules, into every run, --help included.
  'node:child_process': lazyExports,
  // zod's 40-odd locales (z.locales), required at load by zod's core and classic API; the tool never switches
  // zod's locale (its messages are its own, src/messages.ts), and English, the default, is required on its own.
  // About a fifth of loading zod. Only for zod's own require of it (the request is a relative path).
  '../locales/index.cjs': { from: '/node_modules/zod/', wrap: lazyNamespace },
};

function installLazyLibraries() {
  const made = new Map();
  Module._load = function (request, parent, isMain) {
    const entry = LAZY[request];
    const wrap = typeof entry === 'object' ? entry.wrap : entry;
    const from = typeof entry === 'object' ? entry.from : 'node_modules';
    if (!wrap || !parent?.filename?.includes(from)) return load.call(this, request, parent, isMain);
    const id = request.startsWith('.') ? resolve(dirname(parent.filename), request) : request; // one per module
    let lazy = made.get(id);
    if (!lazy) {
      let real;
      lazy = wrap(() => (real ??= load.call(this, request, parent, isMain)));
      made.set(id, lazy);
    }
    return lazy;
  };
}

module.exports = { installLazyLibraries };
