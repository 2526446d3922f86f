package yardstick.suite;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load driver's client of the portal: HTTP/1.1 GETs on kept-alive connections, one request at
 * a time on each, the body counted and dropped. It does on one event-loop thread what the JDK's
 * HttpClient did by handing each exchange between its selector and a pool of threads, which cost
 * the driver, on the cores it shares with the suite, as much CPU as all its gRPC calls together.
 */
final class PortalConnections implements AutoCloseable {

    /** The GET under way on a connection: answered with its status once the last of its body has arrived. */
    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("exchange");

    private static final class Exchange {
        final CompletableFuture<Integer> answer;
        int status;
        boolean keptAlive = true;

        Exchange(CompletableFuture<Integer> answer) {
            this.answer = answer;
        }
    }

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
    private final Bootstrap bootstrap;
    private final String host;
    private final Duration deadline;

    PortalConnections(URI portal, Duration deadline) {
        this.host = portal.getHost() + ":" + portal.getPort();
        this.deadline = deadline;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) deadline.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(portal.getHost(), portal.getPort())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Answers());
                    }
                });
    }

    /** GETs {@code pathAndQuery}; the answer is the HTTP status, or fails when the connection fails or the deadline passes. */
    CompletableFuture<Integer> get(String pathAndQuery) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Channel channel = idle.poll();
        while (channel != null && !channel.isActive()) {
            channel = idle.poll();
        }
        if (channel != null) {
            send(channel, pathAndQuery, answer);
        } else {
            bootstrap.connect().addListener(connected -> {
                if (connected.isSuccess()) {
                    send(((io.netty.channel.ChannelFuture) connected).channel(), pathAndQuery, answer);
                } else {
                    answer.completeExceptionally(connected.cause());
                }
            });
        }
        return answer;
    }

    private void send(Channel channel, String pathAndQuery, CompletableFuture<Integer> answer) {
        channel.attr(EXCHANGE).set(new Exchange(answer));
        var timeout = channel.eventLoop().schedule(() -> {
            if (answer.completeExceptionally(new TimeoutException("no answer within " + deadline))) {
                channel.close();
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((status, failure) -> timeout.cancel(false));
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery);
        request.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                answer.completeExceptionally(written.cause());
                channel.close();
            }
        });
    }

    /** Keeps the status of the response under way; at its last part answers it and puts the connection back, if kept alive. */
    private final class Answers extends SimpleChannelInboundHandler<HttpObject> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject part) {
            Exchange exchange = context.channel().attr(EXCHANGE).get();
            if (exchange == null) {
                return;
            }
            if (part instanceof HttpResponse response) {
                exchange.status = response.status().code();
                exchange.keptAlive = HttpUtil.isKeepAlive(response);
            }
            if (part instanceof LastHttpContent) {
                context.channel().attr(EXCHANGE).set(null);
                if (exchange.answer.complete(exchange.status) && exchange.keptAlive && context.channel().isActive()) {
                    idle.add(context.channel());
                } else {
                    context.close();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            Exchange exchange = context.channel().attr(EXCHANGE).getAndSet(null);
            if (exchange != null) {
                exchange.answer.completeExceptionally(new IllegalStateException("the portal closed the connection before answering"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            Exchange exchange = context.channel().attr(EXCHANGE).getAndSet(null);
            if (exchange != null) {
                exchange.answer.completeExceptionally(cause);
            }
            context.close();
        }
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
