package io.clearname.deploy.k8s;

import io.clearname.events.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The suite's own rules, which no schema knows, over the rendered objects read into their models: each service's
 * Deployment has its probes, limits and a non-root, read-only container, ends gracefully, runs the image Jib builds
 * and gets every setting its application.properties requires; each has a Service, HPA, PDB and NetworkPolicy; every
 * topic a service uses exists, and no other; Kafka, topics and databases are as redundant as the overlay promises.
 */
final class Invariants {
    /** KafkaConsumer.close() waits up to 30 s by default to commit and leave its group. */
    static final Duration KAFKA_CONSUMER_CLOSE = Duration.ofSeconds(30);

    /** clear-requested carries contact points: kept long enough to replay a weekend, no longer. */
    static final long CLEAR_REQUESTED_MAX_RETENTION_MS = Duration.ofDays(7).toMillis();

    /** Kafka's default {@code segment.ms}: a record may outlive its topic's {@code retention.ms} by this much. */
    static final long DEFAULT_SEGMENT_MS = Duration.ofDays(7).toMillis();

    /** The Secret CloudNativePG generates for a Cluster without its own bootstrap secret: {@code <cluster>-app}. */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

    /**
     * What an overlay promises. {@code brokers} 0: not known (the base on its own, which has no node pools).
     * {@code complete}: every Secret referred to must be known.
     */
    record Expectations(
            int minServiceReplicas,
            int brokers,
            int replicationFactor,
            int minInsyncReplicas,
            int databaseInstances,
            boolean complete) {
        static final Expectations DEV = new Expectations(1, 1, 1, 1, 1, true);
        static final Expectations PROD = new Expectations(2, 3, 3, 2, 2, true);
        /** The base is production-shaped, but has no node pools and no Secrets. */
        static final Expectations BASE = new Expectations(2, 0, 3, 2, 2, false);

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
        Invariants rules = new Invariants(objects, outOfBand, expect);
        Manifests.SERVICES.forEach(rules::service);
        rules.kafka();
        rules.topics();
        Manifests.SERVICES.forEach(rules::inboxRetention);
        rules.databases();
        return rules.problems;
    }

    // ---------------------------------------------------------------------------------------------- services

    private void service(String service) {
        Optional<Deployment> deployment = find(Deployment.class, service);
        if (deployment.isEmpty()) {
            problems.add("Deployment/" + service + " is missing");
            return;
        }
        String id = "Deployment/" + service;
        PodSpec pod = deployment.get().getSpec().getTemplate().getSpec();
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(id + ": automountServiceAccountToken must be false (the service never calls the API)");
        }
        for (Container container : pod.getContainers()) {
            String where = id + " container " + container.getName();
            probe(where, container, "startupProbe", container.getStartupProbe(), "/q/health/started");
            probe(where, container, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
            probe(where, container, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
            resources(where, container.getResources());
            security(where, pod.getSecurityContext(), container.getSecurityContext());
            termination(where, pod, container, service);
            image(where, container, service);
            settings(where, container, service);
        }
        volumes(id, pod);
        companions(id, deployment.get(), service);
    }

    private void probe(String where, Container container, String name, Probe probe, String path) {
        if (probe == null) {
            problems.add(where + ": " + name + " is missing");
            return;
        }
        String actual =
                probe.getHttpGet() == null ? "nothing" : probe.getHttpGet().getPath();
        if (!path.equals(actual)) {
            problems.add(where + ": " + name + " must GET " + path + ", not " + actual);
            return;
        }
        IntOrString port = probe.getHttpGet().getPort();
        boolean declared = false;
        for (ContainerPort p : container.getPorts()) {
            declared |= port.getIntVal() != null
                    ? port.getIntVal().equals(p.getContainerPort())
                    : port.getStrVal().equals(p.getName());
        }
        if (!declared) {
            problems.add(where + ": " + name + " port " + port.getValue() + " is not a port of the container");
        }
    }

    /** Requests for scheduling and the HPA; limits, from which the JVM sizes its heap. */
    private void resources(String where, ResourceRequirements resources) {
        ResourceRequirements r = resources == null ? new ResourceRequirements() : resources;
        for (String resource : List.of("cpu", "memory")) {
            if (r.getRequests().get(resource) == null) {
                problems.add(where + ": resources.requests." + resource + " is missing");
            }
            if (r.getLimits().get(resource) == null) {
                problems.add(where + ": resources.limits." + resource + " is missing");
            }
        }
    }

    private void security(String where, PodSecurityContext podContext, SecurityContext containerContext) {
        PodSecurityContext pod = podContext == null ? new PodSecurityContext() : podContext;
        SecurityContext container = containerContext == null ? new SecurityContext() : containerContext;
        // The container's setting wins over the pod's.
        Boolean nonRoot = Optional.ofNullable(container.getRunAsNonRoot()).orElse(pod.getRunAsNonRoot());
        Long user = Optional.ofNullable(container.getRunAsUser()).orElse(pod.getRunAsUser());
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add(where + ": runAsNonRoot must be true");
        }
        if (user == null || user <= 0) {
            problems.add(where + ": runAsUser must name a non-root user (the image's 185)");
        }
        if (!Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
            problems.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (container.getCapabilities() == null
                || !container.getCapabilities().getDrop().contains("ALL")) {
            problems.add(where + ": capabilities must drop ALL");
        }
    }

    /** The grace period covers the preStop pause, Quarkus' shutdown and the Kafka consumers leaving their groups. */
    private void termination(String where, PodSpec pod, Container container, String service) {
        long grace = Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 30L);
        long pause = preStopSleep(container.getLifecycle());
        Optional<Duration> shutdown = ServiceConfig.of(service).shutdownTimeout();
        if (shutdown.isEmpty()) {
            problems.add(service + ": application.properties sets no quarkus.shutdown.timeout for the pods");
            return;
        }
        long needed = pause + shutdown.get().toSeconds() + KAFKA_CONSUMER_CLOSE.toSeconds();
        if (grace <= needed) {
            problems.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + pause
                    + " s + quarkus.shutdown.timeout " + shutdown.get().toSeconds() + " s + Kafka consumer close "
                    + KAFKA_CONSUMER_CLOSE.toSeconds() + " s");
        }
    }

    private static long preStopSleep(Lifecycle lifecycle) {
        boolean sleeps = lifecycle != null
                && lifecycle.getPreStop() != null
                && lifecycle.getPreStop().getSleep() != null;
        return sleeps ? lifecycle.getPreStop().getSleep().getSeconds() : 0;
    }

    private void image(String where, Container container, String service) {
        String built = ServiceConfig.of(service).image();
        String image = Objects.requireNonNullElse(container.getImage(), "none");
        if (!image.equals(built) && !image.endsWith("/" + built)) {
            problems.add(where + ": image " + image + " is not the image Jib builds, [registry/]" + built);
        }
    }

    /** Every ${VAR} the service reads in production is set, from a ConfigMap or Secret that has the key. */
    private void settings(String where, Container container, String service) {
        Set<String> provided = new TreeSet<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                keys(where, "ConfigMap", from.getConfigMapRef().getName()).ifPresent(provided::addAll);
            }
            if (from.getSecretRef() != null) {
                keys(where, "Secret", from.getSecretRef().getName()).ifPresent(provided::addAll);
            }
        }
        for (EnvVar env : container.getEnv()) {
            provided.add(env.getName());
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                hasKey(where, "ConfigMap", ref.getName(), ref.getKey());
            }
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                hasKey(where, "Secret", ref.getName(), ref.getKey());
            }
        }
        for (String required : ServiceConfig.of(service).requiredEnvironment()) {
            if (!provided.contains(required)) {
                problems.add(where + ": " + required + ", which " + service
                        + " requires (application.properties), is not provided");
            }
        }
    }

    /** A file mounted from a Secret or ConfigMap (the JWT public key) names a key it has. */
    private void volumes(String id, PodSpec pod) {
        for (Volume volume : pod.getVolumes()) {
            String where = id + " volume " + volume.getName();
            if (volume.getSecret() != null) {
                String secret = volume.getSecret().getSecretName();
                volume.getSecret().getItems().forEach(item -> hasKey(where, "Secret", secret, item.getKey()));
            }
            if (volume.getConfigMap() != null) {
                String configMap = volume.getConfigMap().getName();
                volume.getConfigMap().getItems().forEach(item -> hasKey(where, "ConfigMap", configMap, item.getKey()));
            }
        }
    }

    private void hasKey(String where, String kind, String name, String key) {
        Optional<Set<String>> keys = keys(where, kind, name);
        if (keys.isPresent() && !keys.get().contains(key)) {
            problems.add(where + ": " + kind + "/" + name + " has no key " + key);
        }
    }

    /**
     * The keys of a ConfigMap or Secret in the manifests, generated by CloudNativePG, or to be created out of band
     * (secrets-to-create.yaml); a reference to none of these is a problem. Empty when reported, or when the base is
     * checked on its own (it has no Secrets).
     */
    private Optional<Set<String>> keys(String where, String kind, String name) {
        for (Manifest m : Stream.concat(objects.stream(), outOfBand.stream()).toList()) {
            if (m.kind().equals(kind) && m.name().equals(name)) {
                Set<String> keys = new TreeSet<>();
                if (kind.equals("ConfigMap")) {
                    keys.addAll(read(m, ConfigMap.class).getData().keySet());
                } else {
                    keys.addAll(read(m, Secret.class).getData().keySet());
                    keys.addAll(read(m, Secret.class).getStringData().keySet());
                }
                return Optional.of(keys);
            }
        }
        boolean generated = kind.equals("Secret")
                && name.endsWith("-app")
                && manifest("Cluster", name.substring(0, name.length() - "-app".length()))
                        .isPresent();
        if (generated) {
            return Optional.of(CNPG_APP_SECRET_KEYS);
        }
        if (expect.complete() || kind.equals("ConfigMap")) {
            problems.add(where + ": refers to " + kind + "/" + name + ", which is neither in the manifests, nor"
                    + " generated by an operator, nor in secrets-to-create.yaml");
        }
        return Optional.empty();
    }

    /** A Service, a PodDisruptionBudget and NetworkPolicies select the pods; one HPA scales them within partitions. */
    private void companions(String id, Deployment deployment, String service) {
        Map<String, String> pods =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        if (all(Service.class).stream().noneMatch(s -> selects(s.getSpec().getSelector(), pods))) {
            problems.add(id + ": no Service selects its pods");
        }
        if (all(PodDisruptionBudget.class).stream()
                .noneMatch(p -> selects(p.getSpec().getSelector(), pods))) {
            problems.add(id + ": no PodDisruptionBudget selects its pods");
        }
        List<NetworkPolicy> policies = all(NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector(), pods))
                .toList();
        if (policies.isEmpty()) {
            problems.add(id + ": no NetworkPolicy selects its pods");
        }
        for (NetworkPolicy policy : policies) {
            if (!policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))) {
                problems.add("NetworkPolicy/" + name(policy) + ": must restrict both Ingress and Egress");
            }
        }
        List<HorizontalPodAutoscaler> hpas = all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                        && hpa.getSpec().getScaleTargetRef().getName().equals(service))
                .toList();
        if (hpas.size() != 1) {
            problems.add(id + ": needs exactly one HorizontalPodAutoscaler, has " + hpas.size());
        }
        for (HorizontalPodAutoscaler hpa : hpas) {
            int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
            int max = Objects.requireNonNullElse(hpa.getSpec().getMaxReplicas(), 0);
            if (min < expect.minServiceReplicas()) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + ": minReplicas " + min + " below "
                        + expect.minServiceReplicas());
            }
            int partitions = fewestConsumedPartitions(service);
            if (partitions > 0 && max > partitions) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + ": maxReplicas " + max + " exceeds the "
                        + partitions + " partitions its consumers can share");
            }
        }
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selects(selector.getMatchLabels(), labels);
    }

    /** More instances than the partitions of a topic the service consumes would idle. */
    private int fewestConsumedPartitions(String service) {
        return ServiceConfig.of(service).consumedTopics().stream()
                .flatMap(topic -> topic(topic).stream())
                .map(topic -> topic.getSpec().getPartitions())
                .filter(Objects::nonNull)
                .min(Integer::compare)
                .orElse(0);
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    private void kafka() {
        List<Kafka> clusters = all(Kafka.class);
        if (clusters.size() != 1) {
            problems.add("expected one Kafka cluster, found " + clusters.size());
            return;
        }
        Kafka kafka = clusters.get(0);
        String id = "Kafka/" + name(kafka);
        Map<String, Object> config =
                Objects.requireNonNullElse(kafka.getSpec().getKafka().getConfig(), Map.of());
        setting(id, config, "default.replication.factor", expect.replicationFactor());
        setting(id, config, "offsets.topic.replication.factor", expect.replicationFactor());
        setting(id, config, "transaction.state.log.replication.factor", expect.replicationFactor());
        setting(id, config, "min.insync.replicas", expect.minInsyncReplicas());
        if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
            problems.add(id + ": auto.create.topics.enable must be false (topics are KafkaTopic resources)");
        }
        if (expect.brokers() == 0) {
            return;
        }
        int brokers = 0;
        int controllers = 0;
        for (KafkaNodePool pool : all(KafkaNodePool.class)) {
            if (!name(kafka).equals(label(pool, "strimzi.io/cluster"))) {
                problems.add("KafkaNodePool/" + name(pool) + ": strimzi.io/cluster label must name " + id);
                continue;
            }
            List<ProcessRoles> roles = pool.getSpec().getRoles();
            brokers += roles.contains(ProcessRoles.BROKER) ? pool.getSpec().getReplicas() : 0;
            controllers +=
                    roles.contains(ProcessRoles.CONTROLLER) ? pool.getSpec().getReplicas() : 0;
        }
        if (brokers != expect.brokers()) {
            problems.add(id + ": " + brokers + " brokers, expected " + expect.brokers());
        }
        if (controllers < 1 || controllers % 2 == 0) {
            problems.add(id + ": " + controllers + " KRaft controllers; a quorum needs an odd number");
        }
    }

    private void setting(String id, Map<String, Object> config, String key, int expected) {
        if (!String.valueOf(expected).equals(String.valueOf(config.get(key)))) {
            problems.add(id + ": " + key + " is " + config.getOrDefault(key, "unset") + ", expected " + expected);
        }
    }

    /** Every topic the suite and its services use exists as a KafkaTopic, with the overlay's redundancy; no other. */
    private void topics() {
        Map<String, String> usedBy = new LinkedHashMap<>();
        for (String service : Manifests.SERVICES) {
            ServiceConfig.of(service).topics().forEach(topic -> usedBy.putIfAbsent(topic, service));
        }
        Topics.all().forEach(topic -> usedBy.putIfAbsent(topic, "io.clearname.events.Topics"));
        usedBy.forEach((topic, user) -> {
            if (topic(topic).isEmpty()) {
                problems.add("KafkaTopic " + topic + " is missing (used by " + user + ")");
            }
        });
        String cluster =
                all(Kafka.class).stream().map(Invariants::name).findFirst().orElse("?");
        for (KafkaTopic topic : all(KafkaTopic.class)) {
            String name = topicName(topic);
            String id = "KafkaTopic/" + name;
            Map<String, Object> config =
                    Objects.requireNonNullElse(topic.getSpec().getConfig(), Map.of());
            if (!usedBy.containsKey(name)) {
                problems.add(id + ": no service uses topic " + name);
            }
            if (!cluster.equals(label(topic, "strimzi.io/cluster"))) {
                problems.add(id + ": strimzi.io/cluster label must name Kafka " + cluster);
            }
            if (!Objects.equals(topic.getSpec().getReplicas(), expect.replicationFactor())) {
                problems.add(id + ": replicas " + topic.getSpec().getReplicas() + ", expected "
                        + expect.replicationFactor());
            }
            setting(id, config, "min.insync.replicas", expect.minInsyncReplicas());
            if (topic.getSpec().getPartitions() == null) {
                problems.add(id + ": partitions must be set");
            }
            String retention = String.valueOf(config.get("retention.ms"));
            if (!retention.matches("\\d+")) {
                problems.add(id + ": retention.ms must be set deliberately");
            } else if (name.equals(Topics.CLEAR_REQUESTED)
                    && Long.parseLong(retention) > CLEAR_REQUESTED_MAX_RETENTION_MS) {
                problems.add(id + ": retention.ms " + retention + " keeps contact points longer than 7 days");
            }
        }
    }

    /**
     * A service's inbox remembers an applied event longer than the event stays readable in any topic it consumes
     * ({@code retention.ms} plus {@code segment.ms}): else a redelivery after the purge would be applied twice.
     */
    private void inboxRetention(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Duration retention = find(ConfigMap.class, service + "-config")
                .map(ConfigMap::getData)
                .map(data -> data.get("CLEARNAME_INBOX_RETENTION"))
                .map(ServiceConfig::duration)
                .orElseGet(config::inboxRetention);
        for (String name : config.consumedTopics()) {
            Optional<KafkaTopic> topic = topic(name);
            if (topic.isEmpty()) {
                continue; // reported by topics()
            }
            Map<String, Object> settings =
                    Objects.requireNonNullElse(topic.get().getSpec().getConfig(), Map.of());
            String retentionMs = String.valueOf(settings.get("retention.ms"));
            String segmentMs = String.valueOf(settings.getOrDefault("segment.ms", DEFAULT_SEGMENT_MS));
            if (!retentionMs.matches("\\d+") || !segmentMs.matches("\\d+")) {
                continue; // retention.ms is reported by topics()
            }
            long readable = Long.parseLong(retentionMs) + Long.parseLong(segmentMs);
            if (retention.toMillis() <= readable) {
                problems.add(service + ": inbox retention " + retention + " does not exceed " + name
                        + "'s retention.ms plus segment.ms (" + Duration.ofMillis(readable)
                        + "): a redelivery after the purge would be applied again");
            }
        }
    }

    private Optional<KafkaTopic> topic(String name) {
        return all(KafkaTopic.class).stream()
                .filter(t -> topicName(t).equals(name))
                .findFirst();
    }

    private static String topicName(KafkaTopic topic) {
        return Objects.requireNonNullElse(topic.getSpec().getTopicName(), name(topic));
    }

    // ---------------------------------------------------------------------------------------------- PostgreSQL

    /** Each service's DB_URL reaches the primary of a CloudNativePG Cluster with the overlay's instances. */
    private void databases() {
        for (String service : Manifests.SERVICES) {
            String url = find(ConfigMap.class, service + "-config")
                    .map(c -> c.getData().getOrDefault("DB_URL", ""))
                    .orElse("");
            String host = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[:/].*$", "");
            if (!host.endsWith("-rw")) {
                problems.add(service + ": DB_URL " + url + " must reach a CloudNativePG primary, <cluster>-rw");
                continue;
            }
            String cluster = host.substring(0, host.length() - "-rw".length());
            Optional<Manifest> db = manifest("Cluster", cluster);
            if (db.isEmpty()) {
                problems.add(service + ": DB_URL names Cluster " + cluster + ", which is not in the manifests");
            } else if (db.get().node().path("spec").path("instances").asInt() < expect.databaseInstances()) {
                problems.add(db.get().id() + ": fewer than " + expect.databaseInstances() + " instances");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    private Optional<Manifest> manifest(String kind, String name) {
        return objects.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst();
    }

    /** The object of that kind (the model's class name) and name. */
    private <T> Optional<T> find(Class<T> type, String name) {
        return manifest(type.getSimpleName(), name).map(m -> read(m, type));
    }

    private <T> List<T> all(Class<T> type) {
        return objects.stream()
                .filter(m -> m.kind().equals(type.getSimpleName()))
                .map(m -> read(m, type))
                .toList();
    }

    private static <T> T read(Manifest manifest, Class<T> type) {
        // Checked against its model already: this reading only has to be convenient.
        return Yaml.MAPPER.convertValue(manifest.node(), type);
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
