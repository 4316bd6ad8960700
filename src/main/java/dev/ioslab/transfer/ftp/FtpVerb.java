package dev.ioslab.transfer.ftp;

/** The FTP commands this client sends (RFC 959 §4.1, RFC 2428 for EPRT/EPSV, RFC 3659 for SIZE). */
enum FtpVerb {
    USER,
    PASS,
    TYPE,
    SIZE,
    EPSV,
    PASV,
    EPRT,
    PORT,
    RETR,
    STOR,
    QUIT
}
