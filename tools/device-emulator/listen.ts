/** Starting and stopping the emulated device's servers. Test double. */
import type * as http from 'http';
import type * as net from 'net';

/** Listens on host:port (0 picks a free port) and resolves with the port. */
export async function listen(server: net.Server, host: string, port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
    });
    return (server.address() as net.AddressInfo).port;
}

/** Closes an HTTP server, dropping kept-alive connections. */
export async function closeHttp(server: http.Server): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
}
