package io.clearname.deploy.k8s;

import java.util.ArrayList;
import java.util.List;

/** Every object against the model of its API group; an API group without a model fails. */
final class Models {
    private Models() {}

    static List<String> check(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            check(manifest, false).forEach(problem -> problems.add(manifest.id() + " " + problem));
        }
        return problems;
    }

    static List<String> check(Manifest manifest, boolean partial) {
        String group = manifest.group();
        if (KubernetesModel.isBuiltIn(group)) {
            return KubernetesModel.check(manifest, partial);
        }
        if (group.equals(StrimziModel.GROUP)) {
            return StrimziModel.check(manifest, partial);
        }
        if (group.equals(CnpgModel.GROUP)) {
            return CnpgModel.check(manifest, partial);
        }
        return List.of("no model for API group " + group + ": add one to this build before using it");
    }
}
