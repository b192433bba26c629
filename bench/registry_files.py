#!/usr/bin/env python3
"""Files for the registry benchmarks (bench/registry-import.sh, bench/registry-tree.sh); not a test.

  registry_files.py units  OUT.{csv,xlsx} UNITS BUILDINGS
  registry_files.py owners OUT.{csv,xlsx} UNITS BUILDINGS FIRST_PHONE
  registry_files.py copy   DIR UNITS BUILDINGS FIRST_PHONE TENANT PROJECT

The layout of the units is the same everywhere: UNITS units spread over BUILDINGS buildings (B1, B2,
…) of 40 floors, numbered 1… per building. Owners: one owner per unit (primary payer), and every 5th
unit also a family member (not paying), each with a distinct mobile phone counting up from
FIRST_PHONE. `copy` writes the same rows as COPY text for building, unit, person and occupancy of the
given tenant and project: the baseline a bulk load would take.

The workbook is written by hand (an .xlsx is a zip of XML): one sheet, every cell an inline string,
which is what the importers read (a stored number would be read the same way).
"""
import os
import sys
import uuid
import zipfile
from xml.sax.saxutils import escape

UNIT_HEADER = ["楼栋编号 Building code", "楼栋名称 Building name", "地上层数 Floors above", "地下层数 Floors below",
               "电梯数 Elevators", "房号 Unit number", "楼层 Floor", "单元 Entrance", "房屋类型 Unit type",
               "建筑面积 Gross area", "套内面积 Inner area", "房屋状态 Status", "交付日期 Handover date"]
OWNER_HEADER = ["楼栋编号 Building code", "房号 Unit number", "姓名 Name", "手机号 Mobile phone",
                "身份证号 ID number", "身份 Role", "主缴费人 Primary payer", "入住日期 Move-in date"]
MOVE_IN = "2024-07-01"


def layout(units, buildings):
    """(building number, unit number, floor) per unit, in file order."""
    per = -(-units // buildings)
    for i in range(units):
        b, n = i // per + 1, i % per
        yield b, n + 1, n // 40 % 40 + 1


def unit_rows(units, buildings):
    for b, number, floor in layout(units, buildings):
        yield [f"B{b}", f"{b}号楼", "40", "2", "2", str(number), str(floor), "1", "APARTMENT", "89.50", "72.30",
               "VACANT", "2024-06-30"]


def owner_rows(units, buildings, first_phone):
    """(building, unit, name, phone, id number, role, primary payer, move-in) rows."""
    phone = first_phone
    for i, (b, number, _) in enumerate(layout(units, buildings)):
        yield [f"B{b}", str(number), f"业主{i + 1}", str(phone), "", "业主", "是", MOVE_IN]
        phone += 1
        if i % 5 == 4:
            yield [f"B{b}", str(number), f"家属{i + 1}", str(phone), "", "家庭成员", "否", MOVE_IN]
            phone += 1


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(path, header, rows):
    """A minimal valid workbook: content types, relationships, workbook, one sheet of inline strings."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        b'<sheetData>')
            for r, row in enumerate([header, *rows], start=1):
                cells = "".join(f'<c r="{column(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                                for c, v in enumerate(row) if v != "")
                sheet.write(f'<row r="{r}">{cells}</row>'.encode("utf-8"))
            sheet.write(b'</sheetData></worksheet>')


def write(path, header, rows):
    (write_xlsx if path.endswith(".xlsx") else write_csv)(path, header, rows)


def masked(phone):
    return phone[:3] + "****" + phone[-4:]


def write_copy(directory, units, buildings, first_phone, tenant, project):
    """COPY text (tab-separated) for building, unit, person, occupancy; columns as in the migrations."""
    now = "2026-01-01 00:00:00+00"
    building_ids, unit_ids = {}, {}
    with open(os.path.join(directory, "building.tsv"), "w", encoding="utf-8") as f:
        for b in sorted({b for b, _, _ in layout(units, buildings)}):
            building_ids[b] = str(uuid.uuid4())
            f.write("\t".join([building_ids[b], "0", tenant, project, f"B{b}", f"{b}号楼", "40", "2", "2", now,
                               now]) + "\n")
    with open(os.path.join(directory, "unit.tsv"), "w", encoding="utf-8") as f:
        for b, number, floor in layout(units, buildings):
            unit_ids[(b, number)] = uid = str(uuid.uuid4())
            f.write("\t".join([uid, "0", tenant, project, building_ids[b], str(number), str(floor), "1", "APARTMENT",
                               "89.50", "72.30", "VACANT", "2024-06-30", now, now]) + "\n")
    with open(os.path.join(directory, "person.tsv"), "w", encoding="utf-8") as people, \
            open(os.path.join(directory, "occupancy.tsv"), "w", encoding="utf-8") as occupancies:
        for b, number, name, phone, _, role, payer, move_in in owner_rows(units, buildings, first_phone):
            person = str(uuid.uuid4())
            people.write("\t".join([person, tenant, name, masked(phone), "OWNER", "ACTIVE", now, now]) + "\n")
            occupancies.write("\t".join([str(uuid.uuid4()), "0", tenant, project, unit_ids[(int(b[1:]), int(number))], person,
                                         "OWNER" if role == "业主" else "FAMILY", "t" if payer == "是" else "f",
                                         move_in, r"\N", now, now]) + "\n")


def main(argv):
    kind, out = argv[1], argv[2]
    units, buildings = int(argv[3]), int(argv[4])
    if kind == "units":
        write(out, UNIT_HEADER, unit_rows(units, buildings))
    elif kind == "owners":
        write(out, OWNER_HEADER, owner_rows(units, buildings, int(argv[5])))
    elif kind == "copy":
        write_copy(out, units, buildings, int(argv[5]), argv[6], argv[7])
    else:
        sys.exit(f"unknown kind {kind}")


if __name__ == "__main__":
    main(sys.argv)
