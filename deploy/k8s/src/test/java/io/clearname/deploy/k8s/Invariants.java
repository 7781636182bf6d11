package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The suite's own rules, which no schema knows: each service's Deployment has its probes, limits and a non-root,
 * read-only container, ends gracefully, runs the image Jib builds and gets every configuration key it requires; each
 * has a Service, HPA, PDB and NetworkPolicy; every topic exists; Kafka, topics and databases are as redundant as the
 * overlay promises.
 */
final class Invariants {
    /** KafkaConsumer.close() waits up to 30 s by default to commit and leave its group. */
    static final Duration KAFKA_CONSUMER_CLOSE = Duration.ofSeconds(30);

    static final long CLEAR_REQUESTED_MAX_RETENTION_MS = Duration.ofDays(7).toMillis();

    /** Secrets CloudNativePG generates for a Cluster without its own bootstrap secret: {@code <cluster>-app}. */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

    /**
     * What an overlay promises. {@code brokers} 0: not known (the base on its own, which has no node pools).
     * {@code namespace} null: not checked.
     */
    record Expectations(
            int minServiceReplicas,
            int brokers,
            int replicationFactor,
            int minInsyncReplicas,
            int databaseInstances,
            String namespace,
            boolean complete) {
        static final Expectations DEV = new Expectations(1, 1, 1, 1, 1, "clearname-dev", true);
        static final Expectations PROD = new Expectations(2, 3, 3, 2, 2, "clearname", true);
        /** The base is production-shaped, but has no node pools and no Secrets. */
        static final Expectations BASE = new Expectations(2, 0, 3, 2, 2, null, false);

        static Expectations of(String overlay) {
            return switch (overlay) {
                case "dev" -> DEV;
                case "prod" -> PROD;
                default -> throw new IllegalArgumentException(overlay);
            };
        }
    }

    private final List<Manifest> objects;
    private final List<Manifest> outOfBand;
    private final Expectations expect;
    private final List<String> problems = new ArrayList<>();

    private Invariants(List<Manifest> objects, List<Manifest> outOfBand, Expectations expect) {
        this.objects = objects;
        this.outOfBand = outOfBand;
        this.expect = expect;
    }

    static List<String> check(List<Manifest> objects, List<Manifest> outOfBand, Expectations expect) {
        Invariants invariants = new Invariants(objects, outOfBand, expect);
        invariants.services();
        invariants.kafka();
        invariants.topics();
        invariants.databases();
        if (expect.namespace() != null) {
            invariants.namespace();
        }
        return invariants.problems;
    }

    /** The rules of one Deployment alone: probes, limits, security, graceful end. For patched objects. */
    static List<String> checkDeployment(Manifest deployment) {
        Invariants invariants = new Invariants(List.of(deployment), List.of(), Expectations.BASE);
        invariants.pod(deployment, service(deployment));
        return invariants.problems;
    }

    // ---------------------------------------------------------------------------------------------- services

    private void services() {
        for (String service : Manifests.SERVICES) {
            Optional<Manifest> deployment = find("Deployment", service);
            if (deployment.isEmpty()) {
                problems.add("Deployment/" + service + " is missing");
                continue;
            }
            Manifest d = deployment.get();
            pod(d, service);
            image(d, service);
            config(d, service);
            companions(d, service);
        }
    }

    private static String service(Manifest deployment) {
        return deployment.name();
    }

    private void pod(Manifest d, String service) {
        JsonNode spec = d.node().path("spec").path("template").path("spec");
        JsonNode podSecurity = spec.path("securityContext");
        if (spec.path("automountServiceAccountToken").asBoolean(true)) {
            problems.add(d.id() + ": automountServiceAccountToken must be false (the service never calls the API)");
        }
        JsonNode containers = spec.path("containers");
        if (containers.isEmpty()) {
            problems.add(d.id() + ": no containers");
        }
        for (JsonNode c : containers) {
            String id = d.id() + " container " + c.path("name").asText();
            probe(id, c, "startupProbe", "/q/health/started");
            probe(id, c, "livenessProbe", "/q/health/live");
            probe(id, c, "readinessProbe", "/q/health/ready");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!c.path("resources").path(kind).hasNonNull(resource)) {
                        problems.add(id + ": resources." + kind + "." + resource + " is missing");
                    }
                }
            }
            JsonNode security = c.path("securityContext");
            if (!(security.path("runAsNonRoot").asBoolean(false)
                    || podSecurity.path("runAsNonRoot").asBoolean(false))) {
                problems.add(id + ": runAsNonRoot must be true");
            }
            long user = security.path("runAsUser")
                    .asLong(podSecurity.path("runAsUser").asLong(-1));
            if (user <= 0) {
                problems.add(id + ": runAsUser must name a non-root user (the image's 185)");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(id + ": readOnlyRootFilesystem must be true");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(id + ": allowPrivilegeEscalation must be false");
            }
            if (!contains(security.path("capabilities").path("drop"), "ALL")) {
                problems.add(id + ": capabilities must drop ALL");
            }
            termination(d, id, spec, c, service);
        }
    }

    private void probe(String id, JsonNode container, String probe, String path) {
        JsonNode p = container.path(probe);
        if (p.isMissingNode() || p.isNull()) {
            problems.add(id + ": " + probe + " is missing");
            return;
        }
        JsonNode get = p.path("httpGet");
        if (!get.path("path").asText().equals(path)) {
            problems.add(id + ": " + probe + " must GET " + path + ", not "
                    + get.path("path").asText("nothing"));
        }
        JsonNode port = get.path("port");
        boolean declared = false;
        for (JsonNode declaredPort : container.path("ports")) {
            declared |= port.isInt()
                    ? declaredPort.path("containerPort").asInt() == port.asInt()
                    : declaredPort.path("name").asText().equals(port.asText());
        }
        if (!declared) {
            problems.add(id + ": " + probe + " port " + port + " is not a port of the container");
        }
    }

    private void termination(Manifest d, String id, JsonNode spec, JsonNode container, String service) {
        long grace = spec.path("terminationGracePeriodSeconds").asLong(30);
        JsonNode preStop = container.path("lifecycle").path("preStop");
        long pause = preStop.path("sleep").path("seconds").asLong(0);
        JsonNode command = preStop.path("exec").path("command");
        if (command.size() == 2 && command.get(0).asText().endsWith("sleep")) {
            pause = command.get(1).asLong(0);
        }
        if (!Manifests.SERVICES.contains(service)) {
            problems.add(d.id() + ": not one of the suite's services " + Manifests.SERVICES);
            return;
        }
        Optional<Duration> shutdown = ServiceConfig.of(service).shutdownTimeout();
        if (shutdown.isEmpty()) {
            problems.add(service + ": application.properties sets no quarkus.shutdown.timeout for the pods");
            return;
        }
        long needed = pause + shutdown.get().toSeconds() + KAFKA_CONSUMER_CLOSE.toSeconds();
        if (grace <= needed) {
            problems.add(id + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + pause
                    + " s + quarkus.shutdown.timeout " + shutdown.get().toSeconds() + " s + Kafka consumer close "
                    + KAFKA_CONSUMER_CLOSE.toSeconds() + " s");
        }
    }

    private void image(Manifest d, String service) {
        String built = ServiceConfig.of(service).image();
        for (JsonNode c : d.node().path("spec").path("template").path("spec").path("containers")) {
            String image = c.path("image").asText();
            if (!(image.equals(built) || image.endsWith("/" + built))) {
                problems.add(d.id() + ": image " + image + " is not the image Jib builds, [registry/]" + built);
            }
        }
    }

    /** Every ${VAR} the service requires is set, and every reference to a ConfigMap or Secret resolves. */
    private void config(Manifest d, String service) {
        JsonNode spec = d.node().path("spec").path("template").path("spec");
        for (JsonNode c : spec.path("containers")) {
            Set<String> provided = new TreeSet<>();
            for (JsonNode from : c.path("envFrom")) {
                if (from.has("configMapRef")) {
                    keys("ConfigMap", from.path("configMapRef").path("name").asText(), d)
                            .ifPresent(provided::addAll);
                } else if (from.has("secretRef")) {
                    keys("Secret", from.path("secretRef").path("name").asText(), d)
                            .ifPresent(provided::addAll);
                }
            }
            for (JsonNode env : c.path("env")) {
                JsonNode valueFrom = env.path("valueFrom");
                // A reference that does not resolve is reported where it is resolved.
                if (valueFrom.has("configMapKeyRef")) {
                    resolves("ConfigMap", valueFrom.path("configMapKeyRef"), d);
                } else if (valueFrom.has("secretKeyRef")) {
                    resolves("Secret", valueFrom.path("secretKeyRef"), d);
                }
                provided.add(env.path("name").asText());
            }
            for (String required : ServiceConfig.of(service).requiredEnvironment()) {
                if (!provided.contains(required)) {
                    problems.add(d.id() + ": " + required + ", which " + service
                            + " requires (application.properties), is not provided");
                }
            }
        }
        for (JsonNode volume : spec.path("volumes")) {
            JsonNode secret = volume.path("secret");
            JsonNode configMap = volume.path("configMap");
            String kind = secret.isMissingNode() ? "ConfigMap" : "Secret";
            JsonNode source = secret.isMissingNode() ? configMap : secret;
            if (source.isMissingNode()) {
                continue;
            }
            String name =
                    source.path(kind.equals("Secret") ? "secretName" : "name").asText();
            Optional<Set<String>> keys = keys(kind, name, d);
            for (JsonNode item : source.path("items")) {
                if (keys.isPresent() && !keys.get().contains(item.path("key").asText())) {
                    problems.add(d.id() + ": volume " + volume.path("name").asText() + " reads key "
                            + item.path("key").asText() + " that " + kind + "/" + name + " does not have");
                }
            }
        }
    }

    private void resolves(String kind, JsonNode ref, Manifest d) {
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        Optional<Set<String>> keys = keys(kind, name, d);
        if (keys.isPresent() && !keys.get().contains(key)) {
            problems.add(d.id() + ": " + kind + "/" + name + " has no key " + key);
        }
    }

    /**
     * The keys of a ConfigMap or Secret, whether in the manifests, generated by CloudNativePG, or to be created out of
     * band (secrets-to-create.yaml). Reports a reference to none of these. Empty when it was reported, or when the
     * base is checked on its own (it has no Secrets).
     */
    private Optional<Set<String>> keys(String kind, String name, Manifest d) {
        for (Manifest m : objects) {
            if (m.kind().equals(kind) && m.name().equals(name)) {
                return Optional.of(dataKeys(m));
            }
        }
        for (Manifest m : outOfBand) {
            if (m.kind().equals(kind) && m.name().equals(name)) {
                return Optional.of(dataKeys(m));
            }
        }
        if (kind.equals("Secret") && name.endsWith("-app")) {
            String cluster = name.substring(0, name.length() - "-app".length());
            if (find("Cluster", cluster).isPresent()) {
                return Optional.of(CNPG_APP_SECRET_KEYS);
            }
        }
        if (expect.complete() || kind.equals("ConfigMap")) {
            problems.add(d.id() + ": refers to " + kind + "/" + name + ", which is neither in the manifests, nor"
                    + " generated by an operator, nor in secrets-to-create.yaml");
        }
        return Optional.empty();
    }

    private static Set<String> dataKeys(Manifest m) {
        Set<String> keys = new HashSet<>();
        m.node().path("data").fieldNames().forEachRemaining(keys::add);
        m.node().path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private void companions(Manifest d, String service) {
        JsonNode podLabels =
                d.node().path("spec").path("template").path("metadata").path("labels");
        Predicate<JsonNode> selectsPods = selector -> {
            if (selector.isMissingNode() || selector.isEmpty()) {
                return false;
            }
            for (var it = selector.fields(); it.hasNext(); ) {
                var label = it.next();
                if (!podLabels
                        .path(label.getKey())
                        .asText()
                        .equals(label.getValue().asText())) {
                    return false;
                }
            }
            return true;
        };
        boolean hasService = objects.stream()
                .anyMatch(m -> m.kind().equals("Service")
                        && selectsPods.test(m.node().path("spec").path("selector")));
        if (!hasService) {
            problems.add(d.id() + ": no Service selects its pods");
        }
        boolean hasPdb = objects.stream()
                .anyMatch(m -> m.kind().equals("PodDisruptionBudget")
                        && selectsPods.test(
                                m.node().path("spec").path("selector").path("matchLabels")));
        if (!hasPdb) {
            problems.add(d.id() + ": no PodDisruptionBudget selects its pods");
        }
        List<Manifest> policies = objects.stream()
                .filter(m -> m.kind().equals("NetworkPolicy")
                        && selectsPods.test(
                                m.node().path("spec").path("podSelector").path("matchLabels")))
                .toList();
        if (policies.isEmpty()) {
            problems.add(d.id() + ": no NetworkPolicy selects its pods");
        }
        for (Manifest policy : policies) {
            JsonNode types = policy.node().path("spec").path("policyTypes");
            if (!contains(types, "Ingress") || !contains(types, "Egress")) {
                problems.add(policy.id() + ": must restrict both Ingress and Egress");
            }
        }
        List<Manifest> hpas = objects.stream()
                .filter(m -> m.kind().equals("HorizontalPodAutoscaler")
                        && m.node()
                                .path("spec")
                                .path("scaleTargetRef")
                                .path("kind")
                                .asText()
                                .equals("Deployment")
                        && m.node()
                                .path("spec")
                                .path("scaleTargetRef")
                                .path("name")
                                .asText()
                                .equals(d.name()))
                .toList();
        if (hpas.size() != 1) {
            problems.add(d.id() + ": needs exactly one HorizontalPodAutoscaler, has " + hpas.size());
        }
        JsonNode replicas = d.node().path("spec").path("replicas");
        if (!replicas.isMissingNode() && replicas.asInt() < expect.minServiceReplicas()) {
            problems.add(d.id() + ": replicas " + replicas.asInt() + " below " + expect.minServiceReplicas());
        }
        for (Manifest hpa : hpas) {
            int min = hpa.node().path("spec").path("minReplicas").asInt(1);
            int max = hpa.node().path("spec").path("maxReplicas").asInt();
            if (min < expect.minServiceReplicas()) {
                problems.add(hpa.id() + ": minReplicas " + min + " below " + expect.minServiceReplicas());
            }
            if (max < min) {
                problems.add(hpa.id() + ": maxReplicas " + max + " below minReplicas " + min);
            }
            int partitions = consumedPartitions(service);
            if (partitions > 0 && max > partitions) {
                problems.add(hpa.id() + ": maxReplicas " + max + " exceeds the " + partitions
                        + " partitions its consumers can share");
            }
        }
    }

    /** The fewest partitions among the event topics the service consumes: more instances than that idle. */
    private int consumedPartitions(String service) {
        int fewest = Integer.MAX_VALUE;
        ServiceConfig config = ServiceConfig.of(service);
        for (String key : config.properties().stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.contains("dead-letter")) {
                String topic = config.properties().getProperty(key);
                Optional<Manifest> kafkaTopic = topic(topic);
                if (kafkaTopic.isPresent()) {
                    fewest = Math.min(
                            fewest,
                            kafkaTopic
                                    .get()
                                    .node()
                                    .path("spec")
                                    .path("partitions")
                                    .asInt());
                }
            }
        }
        return fewest == Integer.MAX_VALUE ? 0 : fewest;
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    private void kafka() {
        List<Manifest> clusters = ofKind("Kafka");
        if (clusters.size() != 1) {
            problems.add("expected one Kafka cluster, found " + clusters.size());
            return;
        }
        Manifest kafka = clusters.get(0);
        JsonNode config = kafka.node().path("spec").path("kafka").path("config");
        expectInt(kafka, config, "default.replication.factor", expect.replicationFactor());
        expectInt(kafka, config, "offsets.topic.replication.factor", expect.replicationFactor());
        expectInt(kafka, config, "transaction.state.log.replication.factor", expect.replicationFactor());
        expectInt(kafka, config, "min.insync.replicas", expect.minInsyncReplicas());
        if (config.path("auto.create.topics.enable").asBoolean(true)) {
            problems.add(kafka.id() + ": auto.create.topics.enable must be false (topics are KafkaTopic resources)");
        }
        if (expect.brokers() == 0) {
            return;
        }
        int brokers = 0;
        int controllers = 0;
        for (Manifest pool : ofKind("KafkaNodePool")) {
            if (!kafka.name().equals(pool.label("strimzi.io/cluster"))) {
                problems.add(pool.id() + ": strimzi.io/cluster label must name Kafka " + kafka.name());
                continue;
            }
            int replicas = pool.node().path("spec").path("replicas").asInt();
            JsonNode roles = pool.node().path("spec").path("roles");
            brokers += contains(roles, "broker") ? replicas : 0;
            controllers += contains(roles, "controller") ? replicas : 0;
        }
        if (brokers != expect.brokers()) {
            problems.add(kafka.id() + ": " + brokers + " brokers, expected " + expect.brokers());
        }
        if (controllers < 1 || controllers % 2 == 0) {
            problems.add(kafka.id() + ": " + controllers + " KRaft controllers; a quorum needs an odd number");
        }
    }

    private void expectInt(Manifest m, JsonNode config, String key, int expected) {
        if (config.path(key).asInt(-1) != expected) {
            problems.add(m.id() + ": " + key + " is " + config.path(key).asText("unset") + ", expected " + expected);
        }
    }

    private void topics() {
        Set<String> required = new LinkedHashSet<>(Topics.all());
        Map<String, String> namedBy = new HashMap<>();
        for (String service : Manifests.SERVICES) {
            for (String topic : ServiceConfig.of(service).topics()) {
                required.add(topic);
                namedBy.putIfAbsent(topic, service);
            }
        }
        String cluster =
                ofKind("Kafka").stream().findFirst().map(Manifest::name).orElse("?");
        for (String topic : required) {
            if (topic(topic).isEmpty()) {
                problems.add("KafkaTopic " + topic + " is missing (used by "
                        + namedBy.getOrDefault(topic, "io.clearname.events.Topics") + ")");
            }
        }
        for (Manifest t : ofKind("KafkaTopic")) {
            String name = topicName(t);
            JsonNode spec = t.node().path("spec");
            if (!required.contains(name)) {
                problems.add(t.id() + ": no service uses topic " + name);
            }
            if (!cluster.equals(t.label("strimzi.io/cluster"))) {
                problems.add(t.id() + ": strimzi.io/cluster label must name Kafka " + cluster);
            }
            if (spec.path("replicas").asInt(-1) != expect.replicationFactor()) {
                problems.add(t.id() + ": replicas " + spec.path("replicas").asText("unset") + ", expected "
                        + expect.replicationFactor());
            }
            if (spec.path("config").path("min.insync.replicas").asInt(-1) != expect.minInsyncReplicas()) {
                problems.add(t.id() + ": min.insync.replicas "
                        + spec.path("config").path("min.insync.replicas").asText("unset") + ", expected "
                        + expect.minInsyncReplicas());
            }
            if (spec.path("partitions").asInt(0) < 1) {
                problems.add(t.id() + ": partitions must be set");
            }
            JsonNode retention = spec.path("config").path("retention.ms");
            if (!retention.canConvertToLong() && !retention.asText().matches("\\d+")) {
                problems.add(t.id() + ": retention.ms must be set deliberately");
            } else if (name.equals(Topics.CLEAR_REQUESTED) && retention.asLong() > CLEAR_REQUESTED_MAX_RETENTION_MS) {
                problems.add(t.id() + ": retention.ms " + retention.asLong() + " keeps contact points longer than"
                        + " 7 days");
            }
        }
    }

    private Optional<Manifest> topic(String name) {
        return ofKind("KafkaTopic").stream()
                .filter(t -> topicName(t).equals(name))
                .findFirst();
    }

    private static String topicName(Manifest t) {
        return t.node().path("spec").path("topicName").asText(t.name());
    }

    // ---------------------------------------------------------------------------------------------- PostgreSQL

    private void databases() {
        for (String service : Manifests.SERVICES) {
            Optional<Manifest> config = find("ConfigMap", service + "-config");
            String url = config.map(c -> c.node().path("data").path("DB_URL").asText())
                    .orElse("");
            String host = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[:/].*$", "");
            if (!host.endsWith("-rw")) {
                problems.add(service + ": DB_URL " + url + " must reach a CloudNativePG primary, <cluster>-rw");
                continue;
            }
            String cluster = host.substring(0, host.length() - 3);
            Optional<Manifest> db = find("Cluster", cluster);
            if (db.isEmpty()) {
                problems.add(service + ": DB_URL names Cluster " + cluster + ", which is not in the manifests");
            } else if (db.get().node().path("spec").path("instances").asInt() < expect.databaseInstances()) {
                problems.add(db.get().id() + ": fewer than " + expect.databaseInstances() + " instances");
            }
        }
    }

    private void namespace() {
        for (Manifest m : objects) {
            if (m.kind().equals("Namespace")) {
                if (!m.name().equals(expect.namespace())) {
                    problems.add(m.id() + ": expected namespace " + expect.namespace());
                }
            } else if (!expect.namespace()
                    .equals(m.node().path("metadata").path("namespace").asText())) {
                problems.add(m.id() + ": not in namespace " + expect.namespace());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private List<Manifest> ofKind(String kind) {
        return objects.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private Optional<Manifest> find(String kind, String name) {
        return objects.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
