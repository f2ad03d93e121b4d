package io.ckpt.store.s3;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import io.ckpt.store.StoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into the store's typed ones, so none escapes as is: one line of
 * facts (the URI, the operation, the HTTP status and S3 error code), never a credential, nor the
 * server's own message for a refused request (which may quote the access key).
 *
 * <p>Thread-safety: stateless.
 */
final class S3Errors {
    private S3Errors() {
    }

    /**
     * @param e         what the client threw
     * @param uri       the checkpoint, {@code s3://bucket/key}
     * @param operation what was being done, e.g. "read 1048576 bytes at offset 4096"
     * @param endpoint  the store's endpoint, or null for the client's default
     */
    static IOException translate(SdkException e, String uri, String operation, String endpoint) {
        String bucket = bucketOf(uri);
        if (e instanceof S3Exception) {
            S3Exception s = (S3Exception) e;
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            int status = s.statusCode();
            if ("NoSuchBucket".equals(code)) {
                return new StoreException(StoreException.Reason.NO_SUCH_BUCKET, uri, "bucket '" + bucket
                    + "' does not exist (" + operation + " " + uri + ")", e);
            }
            if ("NoSuchKey".equals(code) || status == 404 && code == null) {
                NoSuchFileException n = new NoSuchFileException(uri, null, "no object under this key");
                n.initCause(e);
                return n;
            }
            if (status == 403 || status == 401 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)
                || "AccessDenied".equals(code)) {
                return new StoreException(StoreException.Reason.ACCESS_DENIED, uri, "access denied to " + uri + " ("
                    + operation + ": HTTP " + status + (code == null ? "" : " " + code)
                    + "); check the credentials the AWS default provider chain finds (environment, profile)", null);
            }
            return new StoreException(StoreException.Reason.FAILED, uri, operation + " " + uri + " failed: HTTP " + status
                + (code == null ? "" : " " + code), e);
        }
        if (e instanceof SdkClientException) {
            String why = rootMessage(e);
            return new StoreException(StoreException.Reason.UNAVAILABLE, uri, "cannot reach the store"
                + (endpoint == null ? "" : " at " + endpoint) + " to " + operation + " " + uri + ": " + why, e);
        }
        return new StoreException(StoreException.Reason.FAILED, uri, operation + " " + uri + " failed: "
            + e.getClass().getSimpleName(), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    private static String bucketOf(String uri) {
        String rest = uri.startsWith("s3://") ? uri.substring(5) : uri;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
