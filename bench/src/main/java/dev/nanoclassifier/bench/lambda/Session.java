package dev.nanoclassifier.bench.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The Runtime API's view of one execution environment (one function process): its own event
 * queue, so a poller left over from a killed process can never take another process's events, and
 * the timestamps of its first {@code /next}. Obtain one from {@link RuntimeApi#openSession(String)};
 * {@link FunctionProcess} wraps it for the usual case.
 */
public final class Session implements AutoCloseable {

    /** An event waiting in the queue or handed out. */
    static final class Event {
        final String id = UUID.randomUUID().toString();
        final byte[] body;
        final String traceId;
        volatile long handedOutNs;
        final CompletableFuture<Answer> done = new CompletableFuture<>();

        Event(String body, String traceId) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            this.traceId = traceId;
        }
    }

    /** What the function posted for an event. */
    record Answer(boolean error, String errorType, String body, long receivedNs) {
    }

    private final String name;
    private final RuntimeApi api;
    final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    final AtomicLong firstNextNs = new AtomicLong();
    final CountDownLatch firstNext = new CountDownLatch(1);
    final AtomicInteger nextRequests = new AtomicInteger();
    final AtomicInteger initErrorsAfterInit = new AtomicInteger();
    volatile String initError;
    volatile String lateInitError;
    volatile boolean closed;
    private volatile boolean traceSampled;

    Session(String name, RuntimeApi api) {
        this.name = name;
        this.api = api;
    }

    public String name() {
        return name;
    }

    /** Hand out trace ids with {@code Sampled=1} (active tracing on) instead of {@code Sampled=0}. */
    public Session traceSampled(boolean sampled) {
        this.traceSampled = sampled;
        return this;
    }

    /** {@link System#nanoTime()} of the first {@code GET /next}, 0 before it. */
    public long firstNextNanos() {
        return firstNextNs.get();
    }

    public int nextRequests() {
        return nextRequests.get();
    }

    /** The body of a {@code POST /runtime/init/error} received before the first {@code /next}, else null. */
    public String initError() {
        return initError;
    }

    /** {@code /runtime/init/error} posts after the first {@code /next}: real Lambda would reject them. */
    public int initErrorsAfterInit() {
        return initErrorsAfterInit.get();
    }

    public String lateInitError() {
        return lateInitError;
    }

    /**
     * Waits for the first {@code /next}. {@code alive} is polled so that a crashed process fails fast.
     *
     * @return the nanoTime of the first /next
     */
    public long awaitFirstNext(Duration timeout, BooleanSupplier alive) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!firstNext.await(20, TimeUnit.MILLISECONDS)) {
            if (initError != null) throw new IllegalStateException("init error reported: " + Text.abbreviate(initError));
            if (!alive.getAsBoolean()) throw new IllegalStateException("function exited during init");
            if (System.nanoTime() > deadline) throw new TimeoutException("no /next within " + timeout.toSeconds() + " s");
        }
        return firstNextNs.get();
    }

    /**
     * Queues one event and waits for the function's {@code /response} or {@code /error}.
     *
     * @param alive polled while waiting, so that a crashed process fails fast
     */
    public Invocation invoke(String body, Duration timeout, BooleanSupplier alive) throws InterruptedException, TimeoutException {
        if (closed) throw new IllegalStateException("session " + name + " is closed");
        Event e = new Event(body, TraceIds.next(traceSampled));
        queue.add(e);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Answer a = e.done.get(100, TimeUnit.MILLISECONDS);
                return new Invocation(e.id, e.traceId, a.error(), a.errorType(), a.body(), (a.receivedNs() - e.handedOutNs) / 1e6);
            } catch (TimeoutException te) {
                if (!alive.getAsBoolean()) {
                    queue.remove(e);
                    throw new IllegalStateException("function process exited during invocation");
                }
                if (System.nanoTime() > deadline) {
                    queue.remove(e);
                    api.forget(e.id);
                    throw new TimeoutException("no response within " + timeout.toSeconds() + " s");
                }
            } catch (java.util.concurrent.ExecutionException ee) {
                throw new IllegalStateException(ee.getCause().getMessage(), ee.getCause());
            }
        }
    }

    /** Stops handing out events; waiting pollers get 410 and queued events fail. */
    @Override
    public void close() {
        closed = true;
        Event e;
        while ((e = queue.poll()) != null) e.done.completeExceptionally(new IllegalStateException("session closed"));
    }
}
