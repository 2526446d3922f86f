package yardstick.platform.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.platform.audit.WithoutValues;

/**
 * The management port ({@code yardstick.metrics.port}, or {@code every-service-port} when that is set; 0 a free
 * one, -1 none): Prometheus's scrape of this
 * service's metrics at {@code GET /metrics}, and nothing else. Apart from the service's own ports, so that
 * neither the portal's public HTTP nor gRPC clients see it, and a NetworkPolicy can let only the scraper in.
 */
@Context
public class MetricsServer {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    MetricsServer(PrometheusMeterRegistry registry,
                  @Property(name = "yardstick.metrics.port", defaultValue = "-1") int ownPort,
                  @Property(name = "yardstick.metrics.every-service-port", defaultValue = "") String everyServicePort) {
        int port = everyServicePort.isBlank() ? ownPort : Integer.parseInt(everyServicePort.trim());
        if (port < 0) {
            server = null;
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on port " + port, e);
        }
        server.createContext("/metrics", exchange -> {
            try {
                if ("GET".equals(exchange.getRequestMethod())) {
                    answer(exchange, registry.scrape().getBytes(StandardCharsets.UTF_8));
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    exchange.sendResponseHeaders(405, -1);
                }
            } catch (RuntimeException | LinkageError e) {
                // The server itself would drop the connection without a word.
                LOG.error("the scrape failed", WithoutValues.of(e));
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        LOG.info("Metrics on http://localhost:{}/metrics", server.getAddress().getPort());
    }

    /** The port it listens on, when it does. */
    public OptionalInt port() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getAddress().getPort());
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
