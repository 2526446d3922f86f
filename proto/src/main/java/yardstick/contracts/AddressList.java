package yardstick.contracts;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A service's replicas named by a list of their addresses, {@code host:port,host:port}, where no one
 * name resolves to them all (processes side by side on one machine): the channel's round_robin
 * then spreads the calls over every address of the list, as it does over a name's DNS records.
 */
final class AddressList extends NameResolverProvider {

    static final String SCHEME = "addresses";

    private static final AddressList PROVIDER = new AddressList();

    static {
        NameResolverRegistry.getDefaultRegistry().register(PROVIDER);
    }

    private AddressList() {
    }

    /** The channel target of {@code address}: itself for one address, this resolver's for a list. */
    static String target(String address) {
        return address.contains(",") ? SCHEME + ":///" + address : address;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        // Below DNS's 5: a bare host:port stays DNS's; this resolver answers only targets of its own scheme.
        return 4;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme())) {
            return null;
        }
        String[] addresses = target.getPath().substring(1).split(",");
        return new NameResolver() {
            @Override
            public String getServiceAuthority() {
                return addresses[0];
            }

            @Override
            public void start(Listener2 listener) {
                try {
                    List<EquivalentAddressGroup> groups = new ArrayList<>();
                    for (String address : addresses) {
                        int colon = address.lastIndexOf(':');
                        String host = address.substring(0, colon).replace("[", "").replace("]", "");
                        groups.add(new EquivalentAddressGroup(new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)))));
                    }
                    listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
                } catch (RuntimeException e) {
                    listener.onError(Status.UNAVAILABLE.withDescription("cannot use the addresses " + String.join(",", addresses)).withCause(e));
                }
            }

            @Override
            public void shutdown() {
            }
        };
    }
}
