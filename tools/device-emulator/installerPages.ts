/**
 * The HTML a Roku's Development Application Installer answers with. The device answers HTTP 200
 * whatever the outcome; the verdict is in the page: a `JSON.parse('{"messages":[...]}')` the page
 * hands its own script (newer firmware), repeated in a hidden legacy `<font>` block. Test double.
 */

export type MessageType = 'info' | 'success' | 'error';

export interface InstallerMessage {
    type: MessageType;
    text: string;
}

/** The texts a device uses, so the emulator and its tests agree on them. */
export const INSTALLER_TEXT = {
    received: (bytes: number) => `Application Received: ${bytes} bytes stored.`,
    success: 'Install Success.',
    identical: 'Identical to previous version -- not replacing.',
    corruptZip: 'Install Failure: Unzip failed. Invalid or corrupt zip archive.  Unloading.',
    noManifest: 'Install Failure: No manifest. Invalid package.',
    deleted: 'Delete Succeeded.',
    missingField: (field: string) => `Failure: Form Error: "${field}" Field Not Found`,
    unsupported: (action: string) => `Failure: "${action}" is not offered by this emulated device (a test double).`
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON placed inside a single-quoted JavaScript string on one line. */
const inSingleQuotes = (json: string) => json.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

export function installerPage(messages: InstallerMessage[], devChannel?: { title: string; bytes: number }): string {
    const params = {
        messages: messages.map((m) => ({ text: m.text, text_type: 'text', type: m.type })),
        metadata: { dev_id: 'emulated-test-double', dev_channel: devChannel ?? null }
    };
    const legacy = messages.map((m) => `<font color="${m.type === 'error' ? 'red' : 'green'}">${escapeHtml(m.text)}</font>`).join('<br>');
    return [
        '<!DOCTYPE html>',
        '<html>',
        '<head><meta charset="utf-8"><title>Development Application Installer (emulated Roku, test double)</title></head>',
        '<body>',
        '<div id="root"></div>',
        '<!-- Keep it, so old scripts can continue to work -->',
        `<div style="display:none">${legacy}</div>`,
        '<script type="text/javascript">',
        `var params = JSON.parse('${inSingleQuotes(JSON.stringify(params))}');`,
        '</script>',
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

export const UNAUTHORIZED_PAGE = '<!DOCTYPE html>\n<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>\n';
