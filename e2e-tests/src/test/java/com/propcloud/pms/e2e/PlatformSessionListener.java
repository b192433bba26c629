package com.propcloud.pms.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the platform's processes when the test session ends, before the JVM exits: a shutdown hook
 * alone races the test infrastructure's cleanup and the build tool's deadline for the test JVM.
 */
public class PlatformSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Platform.stopIfStarted();
    }
}
