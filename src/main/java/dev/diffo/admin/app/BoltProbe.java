package dev.diffo.admin.app;

import dev.diffo.admin.domain.DiffoAdminException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Asks a plain (non-TLS) Bolt address whether it speaks Bolt before the driver does, so that a wrong port fails in
 * seconds with a plain sentence: a port that stays silent, or one that answers HTTP (e.g. Neo4j Browser's 7474).
 * The driver alone waits a minute there and then suggests checking credentials.
 */
final class BoltProbe {
    private BoltProbe() {
    }

    /**
     * Bolt's handshake: the magic preamble and four version proposals (5.8 down to 5.0, 4.4 down to 4.0, 3, none),
     * followed by an empty line. A Bolt server answers after the 20 handshake bytes (the rest is never read, the
     * probe closes); an HTTP server sees a complete, bogus request and answers {@code HTTP/1.1 400}.
     */
    static final byte[] HANDSHAKE = {
            0x60, 0x60, (byte) 0xB0, 0x17,
            0x00, 0x08, 0x08, 0x05,
            0x00, 0x04, 0x04, 0x04,
            0x00, 0x00, 0x00, 0x03,
            0x00, 0x00, 0x00, 0x00,
            '\r', '\n', '\r', '\n'};

    /** Checks {@code uri} (bolt:// or neo4j://; TLS schemes are left to the driver) within {@code timeoutSeconds}. */
    static void check(String uri, int timeoutSeconds) {
        URI parsed = URI.create(uri);
        if (parsed.getScheme() == null || parsed.getScheme().contains("+")) {
            return;
        }
        String host = parsed.getHost();
        int port = parsed.getPort() < 0 ? 7687 : parsed.getPort();
        String where = host + ":" + port;
        int timeoutMillis = timeoutSeconds * 1000;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(HANDSHAKE);
            socket.getOutputStream().flush();
            byte[] answer = readUpTo(socket.getInputStream(), 4);
            if (answer.length == 0) {
                // a Neo4j that takes Bolt over TLS only closes a plain connection the same way
                throw new DiffoAdminException(where + " closed the connection without a Bolt reply: it is not Neo4j, or a Neo4j that takes only TLS",
                        "If the server requires encryption, use " + parsed.getScheme() + "+s:// (with its CA certificate); otherwise check the port, "
                                + "Neo4j's Bolt port is usually 7687. Nothing was read or written.");
            }
            if (new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP")) {
                throw new DiffoAdminException("That port answers but is not Neo4j (it speaks HTTP): " + where,
                        "Use Neo4j's Bolt port (usually 7687), e.g. bolt://" + host + ":7687, not its web port. Nothing was read or written.");
            }
            // four bytes: a Bolt server (a version, or none agreed, which the driver will name)
        } catch (SocketTimeoutException e) {
            throw new DiffoAdminException("Nothing answers at " + where + " within " + timeoutSeconds + " s",
                    "Check host and port (Neo4j's Bolt port is usually 7687) and that the server is running; a slow network can be given more time with -D"
                            + Drivers.CONNECT_TIMEOUT_PROPERTY + "=SECONDS. Nothing was read or written.", e);
        } catch (UnknownHostException e) {
            throw new DiffoAdminException("Unknown host '" + host + "'", "Check the address. Nothing was read or written.", e);
        } catch (ConnectException e) {
            throw new DiffoAdminException("Cannot reach Neo4j at " + uri,
                    "Nothing listens at " + where + ". Is the server running there? Check host and port, or use the embedded store. Nothing was read or written.", e);
        } catch (IOException e) {
            throw new DiffoAdminException("Cannot reach " + where + ": " + e.getMessage(),
                    "Check host, port and network. Nothing was read or written.", e);
        }
    }

    private static byte[] readUpTo(InputStream in, int n) throws IOException {
        byte[] buffer = new byte[n];
        int read = 0;
        while (read < n) {
            int r = in.read(buffer, read, n - read);
            if (r < 0) {
                break;
            }
            read += r;
        }
        return Arrays.copyOf(buffer, read);
    }
}
