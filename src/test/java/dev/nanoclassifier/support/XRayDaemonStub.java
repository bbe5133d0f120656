package dev.nanoclassifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A UDP socket on 127.0.0.1 standing in for the X-Ray daemon Lambda runs with active tracing; the
 * function gets its address as {@code classifier.observability.xray-daemon-address} (on Lambda:
 * {@code AWS_XRAY_DAEMON_ADDRESS}). Tests read the datagrams the function sent.
 */
public class XRayDaemonStub implements QuarkusTestResourceLifecycleManager {

    private static volatile DatagramSocket socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("classifier.observability.xray-daemon-address", "127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void stop() {
        if (socket != null) {
            socket.close();
        }
    }

    /** The next datagram received within {@code timeoutMs}, or null. */
    public static String receive(int timeoutMs) throws IOException {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(timeoutMs);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** Drops whatever arrived so far. */
    public static void drain() throws IOException {
        while (receive(50) != null) {
            // dropped
        }
    }
}
