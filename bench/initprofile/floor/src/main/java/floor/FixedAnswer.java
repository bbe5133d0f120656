package floor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** Reads the event and answers a fixed body: no JSON, no model call, nothing built at init. */
@Named("floor")
public class FixedAnswer implements RequestStreamHandler {

    private static final byte[] ANSWER = "{\"label\":\"billing\",\"source\":\"fixed\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(ANSWER);
    }
}
