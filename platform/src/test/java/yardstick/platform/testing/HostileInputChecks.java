package yardstick.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import yardstick.platform.identity.AccessRules;

/**
 * Sends at least {@link #REQUESTS} malformed or oversized requests ({@link HostileRequests}) to
 * every method the service serves, read from its own descriptors, over real gRPC: most signed in
 * as the tester (every person's role), some with no token or a broken one. Every answer must be
 * INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, UNAUTHENTICATED or PERMISSION_DENIED (a read
 * may also answer OK: an overlong page is served shortened), never UNKNOWN, INTERNAL or anything
 * else; the service must still be SERVING; and every table of its database must hold what it held
 * before, row for row (the audit log aside, which records each call by design). Extend it in each
 * service's tests; override {@link #knownNames} to make resources the requests then name.
 */
public abstract class HostileInputChecks extends GrpcServiceTest {

    /** Requests sent to the service, spread over its methods. */
    protected static final int REQUESTS = 1_200;
    private static final Set<Status.Code> CLEAN = Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION, Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
    private static final Set<String> TABLES_THAT_GROW_BY_DESIGN = Set.of("audit_events", "flyway_schema_history");

    /** Names of resources that exist, made here, so that some requests reach past the lookup. */
    protected List<String> knownNames() {
        return List.of();
    }

    /** The seed of the requests: the same seed sends the same requests. */
    protected long seed() {
        return 20261202L;
    }

    @Test
    void everyHostileRequestIsRefusedCleanlyAndChangesNothing() throws Exception {
        List<String> names = knownNames();
        Map<String, String> before = tables();
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
        for (BindableService service : context.getBeansOfType(BindableService.class)) {
            if (!AccessRules.isPublic(service.bindService().getServiceDescriptor().getName())) {
                service.bindService().getMethods().stream().map(ServerMethodDefinition::getMethodDescriptor).forEach(methods::add);
            }
        }
        assertTrue(!methods.isEmpty(), "the service serves methods");
        HostileRequests requests = new HostileRequests(seed(), names);
        Channel brokenToken = signedIn("not.a.token");
        Map<String, Map<Status.Code, Integer>> answers = new TreeMap<>();
        List<String> unclean = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            MethodDescriptor<?, ?> method = methods.get(i % methods.size());
            HostileRequests.Hostile request = requests.next(
                    ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor().getInputType());
            Channel as = i % 50 == 7 ? anonymous : i % 50 == 23 ? brokenToken : channel;
            Status status = call(as, method, request.bytes(), 1 + i % 3);
            answers.computeIfAbsent(method.getFullMethodName(), m -> new EnumMap<>(Status.Code.class))
                    .merge(status.getCode(), 1, Integer::sum);
            boolean clean = CLEAN.contains(status.getCode()) || (status.isOk() && isRead(method));
            if (!clean) {
                unclean.add(method.getFullMethodName() + " answered " + status + " to request " + i + " (" + request.mutations() + ")");
            }
        }
        StringBuilder printed = new StringBuilder("\n" + REQUESTS + " hostile requests, answers by method:\n");
        answers.forEach((method, codes) -> printed.append(String.format("%-75s %s%n", method, codes)));
        System.out.println(printed);
        assertEquals(List.of(), unclean.stream().limit(20).toList(), unclean.size() + " requests were not answered cleanly");
        assertEquals(ServingStatus.SERVING, GrpcTestClients.health(anonymous, ""), "the service is still healthy");
        assertEquals(before, tables(), "the database holds what it held before");
    }

    private static boolean isRead(MethodDescriptor<?, ?> method) {
        String name = method.getBareMethodName();
        return name.startsWith("Get") || name.startsWith("List") || name.startsWith("Render") || name.startsWith("Stream")
                || name.startsWith("Calculate");
    }

    /** Sends {@code request} ({@code copies} times on a stream from the client) and waits for the status the call closes with. */
    private static Status call(Channel channel, MethodDescriptor<?, ?> method, byte[] request, int copies) throws Exception {
        MethodDescriptor<byte[], byte[]> raw = method.toBuilder(RawBytes.MARSHALLER, RawBytes.MARSHALLER).build();
        ClientCall<byte[], byte[]> call = channel.newCall(raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        CompletableFuture<Status> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(Integer.MAX_VALUE);
        int sent = method.getType().clientSendsOneMessage() ? 1 : copies;
        for (int i = 0; i < sent; i++) {
            call.sendMessage(request);
        }
        call.halfClose();
        return closed.get(60, TimeUnit.SECONDS);
    }

    /** Each table's row count and a digest of its rows, but for the tables that grow with every call. */
    private Map<String, String> tables() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                if (TABLES_THAT_GROW_BY_DESIGN.contains(table)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')"
                        + " from \"" + table + "\" t")) {
                    rows.next();
                    tables.put(table, rows.getLong(1) + " rows, " + rows.getString(2));
                }
            }
        }
        return tables;
    }
}
