package dev.nanoclassifier.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.HttpsURLConnection;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The typed client of one OpenAI-compatible {@code POST /chat/completions} endpoint:
 * {@link ChatCompletionRequest} in, {@link ChatCompletionResponse} out. One instance per endpoint
 * and execution environment, built at init; connections are kept alive and reused by the JDK's
 * HTTP keep-alive cache, the one the AWS SDK's url-connection client uses too.
 *
 * <p>Why the JDK's {@code HttpURLConnection}: it is part of the runtime and the lightest HTTP
 * stack there is on a cold JVM. A MicroProfile REST client loads Vert.x, netty and RESTEasy for
 * this one POST (about 1,200 classes), and {@code java.net.http.HttpClient} builds the JVM's TLS
 * context when it is built, even for an {@code http://} endpoint; both cost hundreds of
 * milliseconds of init and first invocation (bench/README.md, "Init breakdown"). HTTP/1.1 with
 * keep-alive, as the official OpenAI SDKs use it. The body is buffered, not streamed: in
 * fixed-length streaming mode it went out after the headers had been acknowledged, 1.3 ms a call on
 * loopback against 0.13 ms buffered (bench/README.md). The JDK still writes headers and body in
 * two writes; over https the connection has Nagle's algorithm off ({@link NoDelaySocketFactory}) so
 * that the body cannot wait for that acknowledgement on a real network; a plain {@code http://}
 * connection offers no such hook. No retries here: {@link ModelEndpoint} holds the one retry layer,
 * and {@code JdkHttpSettings} turns off the JDK's own silent resend of a POST. The JSON is written
 * and read field by field ({@link ChatCompletionJson}), not by binding the records.
 *
 * <p>{@link #complete} gives a whole exchange (connect, send, headers and body) at most
 * {@code timeout}: the exchange runs on a pooled thread and the caller waits for it no longer than
 * that, so a server that sends its answer slowly (each piece within a socket read timeout) cannot
 * hold the call past it; the late exchange's connection is then closed.
 */
public final class ChatCompletionsClient {

    private final URL url;
    private final long connectTimeoutMs;
    private final ChatCompletionJson json;
    private final ExecutorService exchanges;
    /** Built on the first https call: the JVM's TLS context is made then, not at init. */
    private volatile NoDelaySocketFactory tls;

    /**
     * @param completionsUrl the endpoint's {@code .../chat/completions}
     * @param connectTimeout how long opening a connection may take
     */
    public ChatCompletionsClient(URI completionsUrl, Duration connectTimeout, ObjectMapper mapper) {
        try {
            this.url = completionsUrl.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an http(s) URL: " + completionsUrl, e);
        }
        this.connectTimeoutMs = connectTimeout.toMillis();
        this.json = new ChatCompletionJson(mapper);
        this.exchanges = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "model-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends one request and reads its answer.
     *
     * @throws HttpStatusException on a status other than 2xx, with its headers and body
     * @throws TimeoutException when the exchange took longer than {@code timeout}
     * @throws IOException when the connection failed, or the body is not a chat completion (a
     *         {@link com.fasterxml.jackson.core.JacksonException})
     */
    public ChatCompletionResponse complete(String authorization, ChatCompletionRequest body, Duration timeout)
            throws HttpStatusException, IOException, TimeoutException {
        long timeoutMs = Math.max(1, timeout.toMillis());
        byte[] payload = json.write(body);
        HttpURLConnection http = (HttpURLConnection) url.openConnection();
        if (http instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls());
        }
        http.setConnectTimeout((int) Math.min(connectTimeoutMs, timeoutMs));
        http.setReadTimeout((int) timeoutMs);
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setUseCaches(false);
        http.setInstanceFollowRedirects(false);
        http.setRequestProperty("Authorization", authorization);
        http.setRequestProperty("Content-Type", "application/json");
        http.setRequestProperty("Accept", "application/json");
        Future<byte[]> exchange = exchanges.submit(() -> exchange(http, payload));
        byte[] answer;
        try {
            answer = exchange.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(exchange, http);
            throw timeout(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(exchange, http);
            throw new IOException("interrupted while waiting for the model");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpStatusException status) {
                throw status;
            }
            if (cause instanceof SocketTimeoutException) {
                throw timeout(timeoutMs);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
        return json.read(answer);
    }

    /** Sends the body and reads the whole answer: its body on 2xx, else an {@link HttpStatusException}. */
    private static byte[] exchange(HttpURLConnection http, byte[] payload) throws IOException, HttpStatusException {
        try (OutputStream out = http.getOutputStream()) {
            out.write(payload);
        }
        int status = http.getResponseCode();
        if (status < 200 || status > 299) {
            throw new HttpStatusException(status, http::getHeaderField, readAll(http.getErrorStream()));
        }
        return readAll(http.getInputStream());
    }

    /** Stops waiting for an exchange and closes its connection, on a pooled thread: closing can wait for a read in progress. */
    private void abandon(Future<byte[]> exchange, HttpURLConnection http) {
        exchange.cancel(true);
        exchanges.execute(http::disconnect);
    }

    /** One factory per client, so that its kept-alive https connections are found again (the JDK keys them by factory). */
    private NoDelaySocketFactory tls() {
        NoDelaySocketFactory factory = tls;
        if (factory == null) {
            synchronized (this) {
                factory = tls;
                if (factory == null) {
                    factory = new NoDelaySocketFactory(HttpsURLConnection.getDefaultSSLSocketFactory());
                    tls = factory;
                }
            }
        }
        return factory;
    }

    private static TimeoutException timeout(long timeoutMs) {
        return new TimeoutException("no answer within " + timeoutMs + " ms");
    }

    /** Reads the whole stream and closes it, which hands the connection back for reuse. */
    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }
}
