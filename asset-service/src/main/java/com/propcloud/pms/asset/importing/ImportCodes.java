package com.propcloud.pms.asset.importing;

/** The stable problem codes of imports. */
public final class ImportCodes {

    public static final String TOO_LARGE = "import.too-large";
    public static final String UNSUPPORTED_FORMAT = "import.unsupported-format";
    public static final String UNREADABLE = "import.unreadable";
    public static final String NOT_COMMITTABLE = "import.not-committable";
    public static final String FAILED = "import.failed";
    public static final String PROJECT_NOT_FOUND = "import.project-not-found";

    private ImportCodes() {}
}
