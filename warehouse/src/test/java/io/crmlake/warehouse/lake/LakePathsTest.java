package io.crmlake.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakePathsTest {

    @TempDir
    Path dir;

    @Test
    void servingDefaultsToTheLakeWhenLocalAndToWorkServingWhenRemote() {
        assertThat(new LakePaths("/data/lake", null).serving()).isEqualTo(Path.of("/data/lake/serving"));
        assertThat(new LakePaths("s3a://bucket/crmlake", null).serving())
                .isEqualTo(Path.of("work/serving").toAbsolutePath());
        assertThat(new LakePaths("s3a://bucket/crmlake", null, "/srv/serving").serving()).isEqualTo(Path.of("/srv/serving"));
    }

    @Test
    void theServingKeyIsReadFromTheConfigurationAndMustBeLocal() throws Exception {
        Path good = dir.resolve("good.yml");
        Files.writeString(good, "lake: s3a://bucket/crmlake\nserving: /srv/crmlake/serving\n");
        assertThat(LakeConfig.load(good).paths().serving()).isEqualTo(Path.of("/srv/crmlake/serving"));

        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "lake: work/lake\nserving: s3a://bucket/serving\n");
        assertThatThrownBy(() -> LakeConfig.load(bad))
                .hasMessageContaining("serving")
                .hasMessageContaining("is not a local path");
    }
}
