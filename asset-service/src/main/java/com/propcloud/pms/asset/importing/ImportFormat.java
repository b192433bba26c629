package com.propcloud.pms.asset.importing;

/** The file formats an import accepts. */
public enum ImportFormat {
    XLSX,
    CSV
}
