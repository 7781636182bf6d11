package io.clearname.notification.repository;

import io.clearname.notification.entity.ContactSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ContactSnapshotRepository implements PanacheRepositoryBase<ContactSnapshot, UUID> {}
