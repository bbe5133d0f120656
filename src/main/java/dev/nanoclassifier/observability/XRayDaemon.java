package dev.nanoclassifier.observability;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * The X-Ray daemon Lambda runs next to a function with active tracing, reached over UDP at
 * {@code AWS_XRAY_DAEMON_ADDRESS}: each datagram is the header {@code {"format":"json","version":1}},
 * a newline, and one segment document. Fire and forget: a send never blocks the request and never
 * fails it (no daemon, a wrong address or a full buffer only lose the trace data, logged once at
 * DEBUG). The socket is opened on the first send, not at class init.
 */
public final class XRayDaemon {

    private static final Logger LOG = Logger.getLogger(XRayDaemon.class);
    static final String HEADER = "{\"format\":\"json\",\"version\":1}\n";

    private final String address;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile InetSocketAddress target;
    private volatile DatagramSocket socket;

    /** {@code address}: {@code host:port}, or the SDK form {@code udp:host:port tcp:host:port}. */
    public XRayDaemon(String address) {
        this.address = address;
    }

    /** The UDP address in {@code AWS_XRAY_DAEMON_ADDRESS}'s forms, unresolved; null if it has none. */
    static InetSocketAddress udpAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String udp = null;
        for (String part : address.trim().split("\\s+")) {
            if (part.startsWith("udp:")) {
                udp = part.substring(4);
            } else if (!part.startsWith("tcp:") && udp == null) {
                udp = part;
            }
        }
        if (udp == null) {
            return null;
        }
        int colon = udp.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            int port = Integer.parseInt(udp.substring(colon + 1));
            return port > 0 && port < 65536 ? InetSocketAddress.createUnresolved(udp.substring(0, colon), port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether there is a daemon address to send to. */
    public boolean configured() {
        return udpAddress(address) != null;
    }

    /** Sends one segment document (JSON, without the header). */
    public void send(String document) {
        try {
            byte[] bytes = (HEADER + document).getBytes(StandardCharsets.UTF_8);
            DatagramSocket open = socket();
            open.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.debugf("X-Ray daemon at %s not reachable, trace data dropped: %s", address, e.toString());
            }
        }
    }

    private DatagramSocket socket() throws IOException {
        DatagramSocket open = socket;
        if (open == null) {
            synchronized (this) {
                if (socket == null) {
                    InetSocketAddress unresolved = udpAddress(address);
                    if (unresolved == null) {
                        throw new IOException("no UDP address in '" + address + "'");
                    }
                    target = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
                    if (target.isUnresolved()) {
                        throw new IOException("unknown host " + unresolved.getHostString());
                    }
                    socket = new DatagramSocket();
                }
                open = socket;
            }
        }
        return open;
    }
}
