/** Entry point of the viewer's page (bundled by tools/viewer/bundle.ts). */
import { render } from 'preact';
import { App } from './App';
import { FeedClient } from './feedClient';

const root = document.getElementById('app');
if (root) {
    render(<App client={new FeedClient()} />, root);
}
