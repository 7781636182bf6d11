package io.clearname.notification.entity;

/** How a notice reaches the person. Only EMAIL is sent so far; SMS comes with the SMS gateway. */
public enum Channel {
    SMS,
    EMAIL
}
