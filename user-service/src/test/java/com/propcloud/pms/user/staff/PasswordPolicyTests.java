package com.propcloud.pms.user.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"Demo#2026xx", "correct-horse-42", "ABCDEFGH12#", "Ünïcödé#pass", "lower UPPER 1"})
    void acceptsTenCharactersFromThreeClasses(String password) {
        assertThat(PasswordPolicy.violations("alice", password)).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.violations("alice", "Ab#12345"))
                .containsExactly("must be at least 10 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onlylowercase", "lowercase123", "UPPER-CASE-ONLY", "1234567890##"})
    void refusesFewerThanThreeClasses(String password) {
        assertThat(PasswordPolicy.violations("alice", password))
                .singleElement()
                .asString()
                .startsWith("must mix at least 3 of");
    }

    @Test
    void refusesThePasswordContainingTheUsernameRegardlessOfCase() {
        assertThat(PasswordPolicy.violations("Alice", "my#ALICE2026")).containsExactly("must not contain the username");
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(PasswordPolicy.violations("alice", "Aa1#".repeat(33)))
                .containsExactly("must be at most 128 characters long");
    }

    @Test
    void listsEveryBrokenRule() {
        assertThat(PasswordPolicy.violations("bob", "bob")).hasSize(3);
        assertThat(PasswordPolicy.violations("bob", null)).hasSize(1);
    }

    @RepeatedTest(20)
    void generatedPasswordsMeetThePolicy() {
        String password = PasswordPolicy.generate("pm");

        assertThat(password).hasSize(16);
        assertThat(PasswordPolicy.violations("pm", password)).isEmpty();
        assertThat(PasswordPolicy.characterClasses(password)).isEqualTo(4);
    }
}
