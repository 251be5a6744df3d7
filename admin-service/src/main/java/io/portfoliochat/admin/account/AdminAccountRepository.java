package io.portfoliochat.admin.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdminAccountRepository extends JpaRepository<AdminAccount, Long> {

    Optional<AdminAccount> findByEmail(String email);
}
