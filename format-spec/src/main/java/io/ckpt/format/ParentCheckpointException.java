package io.ckpt.format;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The parent of an incremental checkpoint is missing, is a different checkpoint than the one
 * recorded, or does not match the child's geometry. Names both UUIDs and the path tried.
 */
public class ParentCheckpointException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** @param detail the facts: child, expected parent UUID, path tried, what was found. */
    public ParentCheckpointException(String detail) {
        super(detail);
    }

    /**
     * @param child      the incremental checkpoint whose parent was looked for
     * @param childUuid  its UUID
     * @param parentUuid the parent UUID its header records
     * @param tried      where the parent was looked for
     * @return an exception for a parent file that does not exist.
     */
    public static ParentCheckpointException missing(Path child, UUID childUuid, UUID parentUuid, Path tried) {
        return missing(String.valueOf(child), childUuid, parentUuid, String.valueOf(tried));
    }

    /**
     * @param child      the incremental checkpoint whose parent was looked for, as users name it
     * @param childUuid  its UUID
     * @param parentUuid the parent UUID its header records
     * @param tried      where the parent was looked for, as users name it
     * @return an exception for a parent that does not exist, the places named as users name them (paths, URIs).
     */
    public static ParentCheckpointException missing(String child, UUID childUuid, UUID parentUuid, String tried) {
        return new ParentCheckpointException("parent checkpoint of " + child + " (" + childUuid + ") not found: expected "
            + parentUuid + " at " + tried);
    }

    /**
     * @param child      the incremental checkpoint whose parent was opened
     * @param childUuid  its UUID
     * @param parentUuid the parent UUID its header records
     * @param found      the file found where the parent should be
     * @param foundUuid  the UUID that file has instead
     * @return an exception for a parent file that is another checkpoint.
     */
    public static ParentCheckpointException mismatch(Path child, UUID childUuid, UUID parentUuid, Path found, UUID foundUuid) {
        return mismatch(String.valueOf(child), childUuid, parentUuid, String.valueOf(found), foundUuid);
    }

    /**
     * @param child      the incremental checkpoint whose parent was opened, as users name it
     * @param childUuid  its UUID
     * @param parentUuid the parent UUID its header records
     * @param found      the checkpoint found where the parent should be, as users name it
     * @param foundUuid  the UUID that checkpoint has instead
     * @return an exception for a parent that is another checkpoint, the places named as users name them.
     */
    public static ParentCheckpointException mismatch(String child, UUID childUuid, UUID parentUuid, String found,
                                                     UUID foundUuid) {
        return new ParentCheckpointException("parent checkpoint of " + child + " (" + childUuid + ") expected "
            + parentUuid + " but " + found + " is " + foundUuid);
    }
}
