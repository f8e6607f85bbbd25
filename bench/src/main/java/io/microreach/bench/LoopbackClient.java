package io.microreach.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one keep-alive loopback connection, reconnecting when the server closes it. Why not
 * {@code java.net.http}: a load generator on the same two cores as the server should cost as little as possible, and
 * this one does no more than write the request and read the status, headers and body (fixed length or chunked).
 */
final class LoopbackClient implements Closeable {
    /** An answer: status, the Location header (or null) and the body as text. */
    record Answer(int status, String location, String body) {}

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackClient(int port) {
        this.port = port;
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (socket == null) {
                    connect();
                }
                return exchange(method, path, headers, body);
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
                // the server closed an idle keep-alive connection: try once on a fresh one
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: localhost:")
                .append(port)
                .append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            out.write(h);
        } else {
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            out.write(all);
        }
        out.flush();
        String status = line();
        if (status == null) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String location = null;
        for (String l; (l = line()) != null && !l.isEmpty(); ) {
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                case "location" -> location = value;
                default -> {}
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (method.equals("HEAD") || code == 204 || code == 304) {
            // no body
        } else if (chunked) {
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                b.write(in.readNBytes(n));
                line();
            }
        } else if (length > 0) {
            b.write(in.readNBytes((int) length));
        }
        if (closes) {
            close();
        }
        return new Answer(code, location, b.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.length() == 0 ? null : s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
    }
}
