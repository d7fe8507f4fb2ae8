/** A stand-in for a customer's website (another origin) that embeds the Parley widget. */
import { createServer, type Server } from 'node:http';

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

export async function serveHostPage(html: string): Promise<HostPage> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
