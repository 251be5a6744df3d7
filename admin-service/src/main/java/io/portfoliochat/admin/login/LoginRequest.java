package io.portfoliochat.admin.login;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank @Email @Size(max = 255) String email,
        @NotNull @Size(min = 1, max = 1024) String password) {

    LoginRequest {
        // People paste addresses with stray spaces; passwords are taken exactly as typed.
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=[hidden]]";
    }
}
