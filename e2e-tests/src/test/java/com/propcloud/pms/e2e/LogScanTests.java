package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTests {

    @TempDir
    Path dir;

    @Test
    void findsFullNumbersTokensAndThePasswordButNotMaskedOnes() throws Exception {
        Path log = dir.resolve("service.log");
        Files.writeString(
                log,
                String.join(
                        "\n",
                        "INFO owner 139****0001 logged in", // masked: fine
                        "INFO id 1101**********1234", // masked: fine
                        "INFO hash 9f13900000001ab and uuid 1f2e3d4c-0000-4000-8000-139000000012", // glued: not a phone
                        "INFO temp /tmp/junit-123456789012345678/run", // 18 digits, but no birth date in them
                        "WARN called 13900000001 back", // full phone
                        "WARN 联系电话+86 13900000002", // full phone after Chinese text
                        "WARN id 11010519491231002X", // full ID number
                        "DEBUG Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln",
                        "DEBUG body {\"password\":\"Demo#2026\"}"));

        List<LogScan.Finding> findings = LogScan.scan(log);

        assertThat(findings).extracting(LogScan.Finding::line).containsExactly(5, 6, 7, 8, 9);
        assertThat(findings)
                .extracting(LogScan.Finding::kind)
                .containsExactly("mobile number", "mobile number", "ID number", "JWT", "demo password");
        assertThat(findings.toString()).doesNotContain("13900000001").doesNotContain("11010519491231002X");
    }
}
