package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in Kubernetes objects this suite ships, checked against fabric8's typed model of the Kubernetes API
 * (kubernetes-model 7.5, generated from the Kubernetes OpenAPI schema) plus what that model leaves as plain strings:
 * enum values, quantities, names and the fields the API server requires. Only GA APIs served by Kubernetes 1.31 are
 * accepted.
 */
final class KubernetesModel {

    /** The built-in APIs the manifests may use: each is GA and served by Kubernetes 1.31 and later. */
    static final Map<String, Class<?>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Namespace", Namespace.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private record EnumRule(String kind, String pathSuffix, Set<String> values) {}

    /** Fields the Kubernetes API restricts to a set of values, where the model has a String. Paths use [] for items. */
    private static final List<EnumRule> ENUMS = List.of(
            new EnumRule("*", ".imagePullPolicy", Set.of("Always", "IfNotPresent", "Never")),
            new EnumRule("*", ".protocol", Set.of("TCP", "UDP", "SCTP")),
            new EnumRule("*", ".whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway")),
            new EnumRule("*", ".restartPolicy", Set.of("Always", "OnFailure", "Never")),
            new EnumRule("*", ".dnsPolicy", Set.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None")),
            new EnumRule("*", ".terminationMessagePolicy", Set.of("File", "FallbackToLogsOnError")),
            new EnumRule("*", ".matchExpressions[].operator", Set.of("In", "NotIn", "Exists", "DoesNotExist")),
            new EnumRule("*", ".seccompProfile.type", Set.of("RuntimeDefault", "Localhost", "Unconfined")),
            new EnumRule("Deployment", "spec.strategy.type", Set.of("RollingUpdate", "Recreate")),
            new EnumRule("Service", "spec.type", Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")),
            new EnumRule("Service", ".externalTrafficPolicy", Set.of("Cluster", "Local")),
            new EnumRule("Service", ".internalTrafficPolicy", Set.of("Cluster", "Local")),
            new EnumRule("Service", ".sessionAffinity", Set.of("ClientIP", "None")),
            new EnumRule("NetworkPolicy", "spec.policyTypes[]", Set.of("Ingress", "Egress")),
            new EnumRule(
                    "HorizontalPodAutoscaler",
                    "spec.metrics[].type",
                    Set.of("Resource", "Pods", "Object", "External", "ContainerResource")),
            new EnumRule("HorizontalPodAutoscaler", ".target.type", Set.of("Utilization", "Value", "AverageValue")),
            new EnumRule("HorizontalPodAutoscaler", ".policies[].type", Set.of("Pods", "Percent")),
            new EnumRule("HorizontalPodAutoscaler", ".selectPolicy", Set.of("Max", "Min", "Disabled")),
            new EnumRule(
                    "PodDisruptionBudget", ".unhealthyPodEvictionPolicy", Set.of("IfHealthyBudget", "AlwaysAllow")));

    private record Required(String kind, String objectPath, List<String> fields) {}

    /** Fields the API server requires of the objects at a path (the model does not say). */
    private static final List<Required> REQUIRED = List.of(
            new Required("*", "metadata", List.of("name")),
            new Required("Deployment", "spec", List.of("selector", "template")),
            new Required("*", ".containers[]", List.of("name", "image")),
            new Required("*", ".env[]", List.of("name")),
            new Required("*", ".volumes[]", List.of("name")),
            new Required("*", ".volumeMounts[]", List.of("name", "mountPath")),
            new Required("*", ".secretKeyRef", List.of("name", "key")),
            new Required("*", ".configMapKeyRef", List.of("name", "key")),
            new Required("*", ".httpGet", List.of("port")),
            new Required("Service", "spec.ports[]", List.of("port")),
            new Required("HorizontalPodAutoscaler", "spec", List.of("scaleTargetRef", "maxReplicas")),
            new Required("HorizontalPodAutoscaler", "spec.scaleTargetRef", List.of("kind", "name")));

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]|[a-z]");
    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private KubernetesModel() {}

    static boolean isBuiltIn(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    static List<String> check(Manifest manifest, boolean partial) {
        Class<?> type = KINDS.get(manifest.apiVersion() + "/" + manifest.kind());
        if (type == null) {
            return List.of(manifest.apiVersion() + " " + manifest.kind()
                    + " is not one of the Kubernetes 1.31 GA APIs this build checks: " + KINDS.keySet());
        }
        List<String> problems = new ArrayList<>(TypedModel.check(manifest.node(), type, manifest.version(), partial));
        walk(manifest.kind(), manifest.node(), "", partial, problems);
        if (!partial) {
            name(manifest, problems);
        }
        return problems;
    }

    private static void name(Manifest manifest, List<String> problems) {
        String name = manifest.name();
        Pattern pattern = switch (manifest.kind()) {
            case "Service", "Namespace" -> manifest.kind().equals("Service") ? DNS_1035_LABEL : DNS_LABEL;
            default -> DNS_SUBDOMAIN;
        };
        int max = pattern == DNS_SUBDOMAIN ? 253 : 63;
        if (name.length() > max || !pattern.matcher(name).matches()) {
            problems.add(".metadata.name: " + name + " is not a valid " + manifest.kind() + " name");
        }
    }

    private static void walk(String kind, JsonNode node, String path, boolean partial, List<String> problems) {
        if (node.isObject()) {
            if (!partial) {
                for (Required rule : REQUIRED) {
                    if (applies(rule.kind(), kind) && matches(path, rule.objectPath())) {
                        for (String field : rule.fields()) {
                            if (!node.hasNonNull(field)) {
                                problems.add(path + "." + field + ": required");
                            }
                        }
                    }
                }
            }
            if (path.endsWith("metadata.labels") || path.endsWith("matchLabels")) {
                node.fields().forEachRemaining(label -> {
                    String value = label.getValue().asText();
                    if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                        problems.add(path + "." + label.getKey() + ": " + value + " is not a valid label value");
                    }
                });
            }
            if ((kind.equals("ConfigMap") || kind.equals("Secret"))
                    && (path.equals(".data") || path.equals(".stringData"))) {
                node.fieldNames().forEachRemaining(key -> {
                    if (!DATA_KEY.matcher(key).matches()) {
                        problems.add(path + "." + key + ": not a valid key");
                    }
                });
                return;
            }
            if (path.endsWith("resources.requests") || path.endsWith("resources.limits")) {
                node.fields()
                        .forEachRemaining(
                                quantity -> quantity(quantity.getValue(), path + "." + quantity.getKey(), problems));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(kind, field.getValue(), path + "." + field.getKey(), partial, problems);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(kind, item, path + "[]", partial, problems);
            }
        } else if (!node.isNull()) {
            for (EnumRule rule : ENUMS) {
                if (applies(rule.kind(), kind)
                        && matches(path, rule.pathSuffix())
                        && !rule.values().contains(node.asText())) {
                    problems.add(path + ": " + node + " is not one of " + rule.values());
                }
            }
            if (path.endsWith(".sizeLimit")) {
                quantity(node, path, problems);
            }
            if ((path.endsWith("containers[].name") || path.endsWith("volumes[].name"))
                    && !(node.asText().length() <= 63
                            && DNS_LABEL.matcher(node.asText()).matches())) {
                problems.add(path + ": " + node + " is not a valid name");
            }
            if (path.endsWith("ports[].name")
                    && !(node.asText().length() <= 15
                            && PORT_NAME.matcher(node.asText()).matches())) {
                problems.add(path + ": " + node + " is not a valid port name");
            }
        }
    }

    private static void quantity(JsonNode value, String path, List<String> problems) {
        if (!QUANTITY.matcher(value.asText()).matches()) {
            problems.add(path + ": " + value + " is not a quantity");
        }
    }

    private static boolean applies(String ruleKind, String kind) {
        return ruleKind.equals("*") || ruleKind.equals(kind);
    }

    /** A rule path starting with '.' matches any path ending with it; otherwise the whole path from the root. */
    private static boolean matches(String path, String rule) {
        return rule.startsWith(".") ? path.endsWith(rule) : path.equals("." + rule);
    }
}
