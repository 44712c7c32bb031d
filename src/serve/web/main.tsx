// The page's entry: two views chosen by the URL's hash: #/ (the county page) and #/edit?path=… (the editor).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CountyPage } from './county.tsx';
import { EditorPage } from './editor.tsx';
import './app.css';

function route(): { view: 'county' } | { view: 'edit'; path: string } {
  const hash = location.hash.replace(/^#/, '');
  if (hash.startsWith('/edit?')) {
    const path = new URLSearchParams(hash.slice('/edit?'.length)).get('path');
    if (path) return { view: 'edit', path };
  }
  return { view: 'county' };
}

function App() {
  const [r, setR] = useState(route);
  useEffect(() => {
    const on = () => setR(route());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return r.view === 'edit' ? <EditorPage key={r.path} path={r.path} /> : <CountyPage />;
}

render(<App />, document.getElementById('app')!);
