package yardstick.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart under deploy/helm/yardstick, rendered and linted by Helm itself (helm-java embeds it), and
 * every object it renders read as the Kubernetes API reads it: a field Kubernetes does not know fails the test.
 */
class HelmChartTest {

    private static final Path CHART = Path.of(System.getProperty("yardstick.chart", "helm/yardstick")).toAbsolutePath();
    private static final String RELEASE = "ys";
    private static final List<String> SERVICES = List.of("case-service", "rating-service", "report-service");
    private static final Map<String, Integer> GRPC_PORTS = Map.of("case-service", 50051, "rating-service", 50052, "report-service", 50053);

    /** Who calls whom, from ARCHITECTURE.md's "asks others for" and each service's peers room. */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "case-service", Set.of("rating-service"),
            "rating-service", Set.of("case-service"),
            "report-service", Set.of("case-service", "rating-service"));

    /** What a deployment must give: the issuer and each service's database. */
    private static final Map<String, Object> DEPLOYMENT_VALUES = Map.of(
            "oidc.issuer", "https://id.inspectorate.example/realms/yardstick",
            "caseService.database.url", "jdbc:postgresql://cases-db.data:5432/cases",
            "ratingService.database.url", "jdbc:postgresql://ratings-db.data:5432/ratings",
            "reportService.database.url", "jdbc:postgresql://reports-db.data:5432/reports");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Jackson as the API server reads an object: an unknown field is an error. The fabric8 model keeps unknown
     * fields in an "additional properties" map (its any-setter); with that switched off they fail the read.
     */
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static List<HasMetadata> rendered;

    @BeforeAll
    static void render() throws IOException {
        rendered = readStrictly(template(UnaryOperator.identity()));
    }

    @Test
    void theChartPassesHelmsStrictLintWithADeploymentsValues(@TempDir Path copy) throws IOException {
        // Helm lints a chart with its own values.yaml: lint a copy whose values.yaml is the shipped one with
        // what a deployment must give filled in (the shipped one leaves the issuer and databases to the installer).
        copyChart(copy);
        ObjectNode values = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
        DEPLOYMENT_VALUES.forEach((path, value) -> put(values, path, value.toString()));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);

        LintResult lint = new Helm(copy).lint().strict().call();

        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void theShippedValuesAloneAreRefusedForWantOfAnIssuerAndDatabases() {
        Exception refused = assertThrows(Exception.class, () -> new Helm(CHART).template().withName(RELEASE).call());
        assertTrue(refused.getMessage().contains("oidc") && refused.getMessage().contains("issuer"), refused.getMessage());
    }

    @Test
    void everyServiceHasItsDeploymentServiceConfigMapDisruptionBudgetAndNetworkPolicy() {
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
                expected.add(kind + " " + RELEASE + "-" + service);
            }
        }
        Set<String> actual = rendered.stream().map(o -> o.getKind() + " " + o.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
    }

    @Test
    void everyDeploymentProbesGrpcHealthRunsAsNonRootOnAReadOnlyRootWithScratchInTmp() {
        for (String service : SERVICES) {
            Deployment deployment = object(Deployment.class, service);
            assertEquals(2, deployment.getSpec().getReplicas(), service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            int grpcPort = GRPC_PORTS.get(service);

            Probe readiness = container.getReadinessProbe();
            Probe liveness = container.getLivenessProbe();
            assertNotNull(readiness.getGrpc(), service + " readiness is a gRPC probe");
            assertNotNull(liveness.getGrpc(), service + " liveness is a gRPC probe");
            assertEquals(grpcPort, readiness.getGrpc().getPort(), service);
            assertEquals(grpcPort, liveness.getGrpc().getPort(), service);
            // Ready only while the database answers (the whole server's status); alive whatever the database does.
            assertTrue(readiness.getGrpc().getService() == null || readiness.getGrpc().getService().isEmpty(), service);
            assertEquals("liveness", liveness.getGrpc().getService(), service);

            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service);
            assertTrue(pod.getSecurityContext().getRunAsUser() > 0, service);
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), service);
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), service);
            assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop(), service);
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow().getName();
            assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow().getEmptyDir(),
                    service + " /tmp is an emptyDir");

            assertNotNull(container.getResources().getRequests().get("cpu"), service);
            assertNotNull(container.getResources().getLimits().get("memory"), service);
            assertEquals("yardstick/" + service + ":latest", container.getImage());
            Set<Integer> ports = container.getPorts().stream().map(p -> p.getContainerPort()).collect(Collectors.toSet());
            assertTrue(ports.contains(grpcPort) && ports.contains(9090), service + " serves gRPC and metrics: " + ports);
        }
    }

    @Test
    void theConfigurationNamesEachServicesDatabaseTheIssuerAndItsNeighboursInTheRelease() {
        ConfigMap cases = object(ConfigMap.class, "case-service");
        assertEquals("jdbc:postgresql://cases-db.data:5432/cases", cases.getData().get("CASE_SERVICE_DATABASE_URL"));
        assertEquals("https://id.inspectorate.example/realms/yardstick", cases.getData().get("YARDSTICK_OIDC_ISSUER"));
        assertEquals("ys-rating-service:50052", cases.getData().get("RATING_SERVICE_ADDRESS"));
        assertEquals("9090", cases.getData().get("YARDSTICK_METRICS_PORT"));
        assertEquals("json", cases.getData().get("YARDSTICK_LOG_FORMAT"));
        ConfigMap reports = object(ConfigMap.class, "report-service");
        assertEquals("ys-case-service:50051", reports.getData().get("CASE_SERVICE_ADDRESS"));
        assertEquals("ys-rating-service:50052", reports.getData().get("RATING_SERVICE_ADDRESS"));
        assertEquals("jdbc:postgresql://reports-db.data:5432/reports", reports.getData().get("REPORT_SERVICE_DATABASE_URL"));
        // Secrets are never in a ConfigMap: they come from the service's Secret.
        for (String service : SERVICES) {
            ConfigMap map = object(ConfigMap.class, service);
            assertTrue(map.getData().keySet().stream().noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.contains("AUDIT_KEY")),
                    service + ": " + map.getData().keySet());
        }
    }

    @Test
    void eachServicesNetworkPolicyAllowsExactlyTheCallsItNeeds() {
        for (String service : SERVICES) {
            NetworkPolicy policy = object(NetworkPolicy.class, service);
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), service);
            assertEquals(service, policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));

            Set<String> callers = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .map(HelmChartTest::yardstickService).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expectedCallers = SERVICES.stream().filter(other -> CALLS.get(other).contains(service))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expectedCallers, callers, service + " takes calls from");

            Set<String> callees = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                    .map(HelmChartTest::yardstickService).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(CALLS.get(service)), callees, service + " calls");

            // Besides its neighbours, it reaches only its database, the OIDC provider and DNS, on their ports.
            Set<String> egressPorts = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream())
                    .map(p -> p.getPort().getValue().toString()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expectedPorts = new TreeSet<>(List.of("5432", "443", "53"));
            CALLS.get(service).forEach(callee -> expectedPorts.add(GRPC_PORTS.get(callee).toString()));
            assertEquals(expectedPorts, egressPorts, service + " egress ports");
        }
    }

    @Test
    void clientsAndScrapersAreLetInOnlyWhenConfiguredAndOnlyToTheirPorts() throws IOException {
        List<HasMetadata> objects = readStrictly(template(t -> t
                .set("clients[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "ingress")
                .set("metrics.scrapers[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "monitoring")));
        NetworkPolicy reports = objects.stream().filter(o -> o instanceof NetworkPolicy && o.getMetadata().getName().equals("ys-report-service"))
                .map(NetworkPolicy.class::cast).findFirst().orElseThrow();
        Map<String, Set<String>> portsByNamespace = reports.getSpec().getIngress().stream()
                .filter(rule -> rule.getFrom().stream().anyMatch(p -> p.getNamespaceSelector() != null))
                .collect(Collectors.toMap(
                        rule -> rule.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
                        rule -> rule.getPorts().stream().map(p -> p.getPort().getStrVal()).collect(Collectors.toCollection(TreeSet::new))));
        assertEquals(Map.of("ingress", Set.of("grpc", "http"), "monitoring", Set.of("metrics")), portsByNamespace);
        // Without them (the defaults) no ingress rule names anyone but the services themselves.
        NetworkPolicy byDefault = object(NetworkPolicy.class, "report-service");
        assertTrue(byDefault.getSpec().getIngress().isEmpty(), "report-service is called by no other service: " + byDefault.getSpec().getIngress());
    }

    @Test
    void theValuesSchemaRefusesABadValue() {
        for (UnaryOperator<TemplateCommand> bad : List.<UnaryOperator<TemplateCommand>>of(
                t -> t.set("caseService.replicas", "two"),
                t -> t.set("ratingService.database.url", "mysql://ratings-db/ratings"),
                t -> t.set("oidc.issuer", "id.inspectorate.example"),
                t -> t.set("logFormat", "xml"),
                t -> t.set("reportService.replica", "3"))) {
            Exception refused = assertThrows(Exception.class, () -> template(bad));
            assertTrue(refused.getMessage().contains("schema"), refused.getMessage());
        }
    }

    @Test
    void theStrictReadingRefusesAFieldKubernetesDoesNotKnow() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replica: 2
                """;
        assertThrows(IOException.class, () -> readStrictly(misspelt));
    }

    private static String template(UnaryOperator<TemplateCommand> more) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withKubeVersion("1.30.0");
        for (Map.Entry<String, Object> value : DEPLOYMENT_VALUES.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return more.apply(template).call();
    }

    private static List<HasMetadata> readStrictly(String manifest) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            JsonNode tree = YAML.readTree(document);
            if (tree == null || tree.isNull() || tree.isEmpty()) {
                continue;
            }
            String kind = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
            Class<? extends HasMetadata> type = KINDS.get(kind);
            if (type == null) {
                throw new IOException("the chart renders a " + kind + ", which this test does not know");
            }
            objects.add(STRICT.readValue(document, type));
        }
        return objects;
    }

    private static <T extends HasMetadata> T object(Class<T> type, String service) {
        return rendered.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(RELEASE + "-" + service)).findFirst().orElseThrow();
    }

    /** The Yardstick service a NetworkPolicy peer selects, or null for a peer that is not one of them. */
    private static String yardstickService(NetworkPolicyPeer peer) {
        if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null) {
            return null;
        }
        Map<String, String> labels = peer.getPodSelector().getMatchLabels();
        return labels != null && RELEASE.equals(labels.get("app.kubernetes.io/instance")) ? labels.get("app.kubernetes.io/name") : null;
    }

    private static void put(ObjectNode values, String path, String value) {
        String[] keys = path.split("\\.");
        ObjectNode node = values;
        for (String key : Arrays.copyOf(keys, keys.length - 1)) {
            node = (ObjectNode) node.get(key);
        }
        node.put(keys[keys.length - 1], value);
    }

    private static void copyChart(Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
