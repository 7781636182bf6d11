package io.clearname.deploy.k8s;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each overlay rendered once per test run; tests that break things work on copies. */
final class Renderings {
    private static final Map<String, Manifests.Rendering> CACHE = new ConcurrentHashMap<>();

    private Renderings() {}

    static Manifests.Rendering of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Manifests::render);
    }

    static Manifests.Rendering copyOf(String overlay) {
        Manifests.Rendering r = of(overlay);
        return new Manifests.Rendering(
                r.overlay(),
                r.objects().stream().map(Manifest::copy).toList(),
                r.outOfBand().stream().map(Manifest::copy).toList());
    }
}
