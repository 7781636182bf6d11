package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/k8s/jib-tarball, the `docker` Jib talks to under -Pimage-tarball, keeps the image as a named tarball. */
class JibTarballTest {
    private static final Path SCRIPT = Manifests.K8S.resolve("jib-tarball");

    @Test
    void keepsTheLoadedImageUnderItsNameAndTag(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(
                content.resolve("manifest.json"),
                "[{\"Config\":\"config.json\",\"RepoTags\":[\"clearname/account-service:1.2.3\"],\"Layers\":[]}]");
        Path image = tmp.resolve("image.tar");
        run(new ProcessBuilder("tar", "-cf", image.toString(), "-C", content.toString(), "manifest.json"), tmp);

        Path out = tmp.resolve("images");
        ProcessBuilder load = new ProcessBuilder("sh", SCRIPT.toString(), "load").redirectInput(image.toFile());
        load.environment().put("CLEARNAME_IMAGE_DIR", out.toString());
        String said = run(load, tmp);

        Path kept = out.resolve("clearname_account-service_1.2.3.tar");
        assertThat(said).contains("clearname/account-service:1.2.3");
        assertThat(kept).exists();
        assertThat(Files.readAllBytes(kept)).isEqualTo(Files.readAllBytes(image));
    }

    @Test
    void answersInfoWithALinuxPlatform(@TempDir Path tmp) throws Exception {
        assertThat(run(new ProcessBuilder("sh", SCRIPT.toString(), "info"), tmp))
                .contains("\"OSType\":\"linux\"")
                .contains("\"Architecture\":");
    }

    private static String run(ProcessBuilder builder, Path dir) throws Exception {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process process = builder.directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(output);
        assertThat(process.exitValue()).as(said).isZero();
        return said;
    }
}
