package com.propcloud.pms.user.owner;

/** The personal numbers whose full value a reveal may show. */
public enum PersonalField {
    PHONE,
    ID_NUMBER
}
