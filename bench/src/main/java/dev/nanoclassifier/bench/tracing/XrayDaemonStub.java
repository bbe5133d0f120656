package dev.nanoclassifier.bench.tracing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the X-Ray daemon Lambda runs next to a traced function: a UDP socket on
 * 127.0.0.1 (give the function {@code AWS_XRAY_DAEMON_ADDRESS=}{@link #address()}) that counts the
 * datagrams (segment documents: a {@code {"format":"json","version":1}} header line and a segment)
 * and keeps the first few for inspection. It sends nothing back, like the daemon.
 */
public final class XrayDaemonStub implements AutoCloseable {

    private final DatagramSocket socket;
    private final AtomicInteger datagrams = new AtomicInteger();
    private final List<String> firstDatagrams = Collections.synchronizedList(new ArrayList<>());
    private final Thread receiver;

    private XrayDaemonStub() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = new Thread(this::receive, "xray-daemon-stub");
        receiver.setDaemon(true);
        receiver.start();
    }

    public static XrayDaemonStub start() throws SocketException {
        return new XrayDaemonStub();
    }

    /** {@code 127.0.0.1:<port>}, the value for AWS_XRAY_DAEMON_ADDRESS. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public int datagrams() {
        return datagrams.get();
    }

    /** Up to the first 10 datagrams received, as text. */
    public List<String> firstDatagrams() {
        return new ArrayList<>(firstDatagrams);
    }

    private void receive() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            datagrams.incrementAndGet();
            if (firstDatagrams.size() < 10) firstDatagrams.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
