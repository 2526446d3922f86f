package yardstick.platform.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import yardstick.platform.grpc.Errors;

/**
 * Safe retries of creating requests (AIP-155): the first request with a request_id does the work
 * and its answer is kept in the same transaction; a retry gets that answer. A concurrent retry
 * waits for the first to commit. The same request_id on a different request is refused.
 */
@Singleton
public class RequestRecords {

    private final DataSource dataSource;

    RequestRecords(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The answer to {@code request}: the one stored under {@code requestId}, or else {@code work}'s,
     * stored with it. {@code work} runs in this transaction.
     *
     * @param requestIdField the request_id field's name, for the error when it is malformed or reused
     */
    @Transactional
    public <R extends Message> R once(String requestId, String requestIdField, Message request, Parser<R> parser, Supplier<R> work) {
        UUID id = parse(requestId, requestIdField);
        String method = request.getDescriptorForType().getFullName();
        byte[] hash = hash(request);
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, id, method, hash)) {
                R answer = work.get();
                answer(connection, id, answer.toByteArray());
                return answer;
            }
            return earlierAnswer(connection, id, method, hash, parser, requestIdField);
        } catch (SQLException e) {
            throw new IllegalStateException("request record " + id, e);
        }
    }

    /**
     * The answer already given under {@code requestId}, if the first request has been answered: a
     * retry gets it without the work's preconditions (a neighbour's answers, say) being asked again.
     */
    @Transactional(readOnly = true)
    public <R extends Message> Optional<R> answered(String requestId, String requestIdField, Message request, Parser<R> parser) {
        UUID id = parse(requestId, requestIdField);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select response from request_record where request_id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBytes(1) == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(earlierAnswer(connection, id, request.getDescriptorForType().getFullName(), hash(request), parser,
                    requestIdField));
        } catch (SQLException e) {
            throw new IllegalStateException("request record " + id, e);
        }
    }

    private static boolean claim(Connection connection, UUID id, String method, byte[] hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into request_record (request_id, method, request_hash) values (?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, id);
            insert.setString(2, method);
            insert.setBytes(3, hash);
            return insert.executeUpdate() == 1;
        }
    }

    private static void answer(Connection connection, UUID id, byte[] response) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update request_record set response = ? where request_id = ?")) {
            update.setBytes(1, response);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    private static <R extends Message> R earlierAnswer(Connection connection, UUID id, String method, byte[] hash, Parser<R> parser,
                                                       String field) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select method, request_hash, response from request_record where request_id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBytes(3) == null) {
                    throw new IllegalStateException("request " + id + " was claimed but has no answer");
                }
                if (!row.getString(1).equals(method) || !Arrays.equals(row.getBytes(2), hash)) {
                    throw Errors.invalidArgument(field, "was already used for a different request; use a new request_id");
                }
                return parser.parseFrom(row.getBytes(3));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("stored answer of request " + id + " is unreadable", e);
            }
        }
    }

    private static UUID parse(String requestId, String field) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument(field, "must be a UUID, for example " + UUID.randomUUID());
        }
    }

    private static byte[] hash(Message request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
