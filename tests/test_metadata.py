"""The organisation and the plan period, from text of our own."""

from __future__ import annotations

import pytest

import planparse

ORGANIZATIONS = [
    ("แผนพัฒนาท้องถิ่นของเทศบาลนครเชียงใหม่", "เทศบาลนครเชียงใหม่", "เทศบาลนคร"),
    ("วิสัยทัศน์เทศบาลเมืองเขลางค์นคร", "เทศบาลเมืองเขลางค์นคร", "เทศบาลเมือง"),
    ("แผนพัฒนาเทศบาลตำบลหางดง อำเภอหางดง จังหวัดเชียงใหม่", "เทศบาลตำบลหางดง", "เทศบาลตำบล"),
    ("ยุทธศาสตร์ขององค์การบริหารส่วนตำบลบ้านกลาง ดังนี้", "องค์การบริหารส่วนตำบลบ้านกลาง",
     "องค์การบริหารส่วนตำบล"),
    ("แผนพัฒนาองค์การบริหารส่วนจังหวัดลำพูน", "องค์การบริหารส่วนจังหวัดลำพูน", "องค์การบริหารส่วนจังหวัด"),
    ("แผนพัฒนาจังหวัดภูเก็ต 4 ปี", "จังหวัดภูเก็ต", "จังหวัด"),
    ("แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี", "กรุงเทพมหานคร", "กรุงเทพมหานคร"),
    ("แผนพัฒนาเมืองพัทยา", "เมืองพัทยา", "เมืองพัทยา"),
    ("แผนพัฒนาสามปีของ อบต.หนองบัว", "อบต.หนองบัว", "องค์การบริหารส่วนตำบล"),
    # The name runs into the next word without a space.
    ("การประชุมสภาเทศบาลนครภูเก็ตให้ประชาชนทราบ ตามแผนพัฒนาเทศบาลนครภูเก็ต",
     "เทศบาลนครภูเก็ต", "เทศบาลนคร"),
]


@pytest.mark.parametrize("text, name, kind", ORGANIZATIONS, ids=[row[1] for row in ORGANIZATIONS])
def test_organization(text, name, kind):
    organization = planparse.parse(text).organization
    assert (organization.name, organization.kind) == (name, kind)


def test_the_plan_owner_outweighs_the_address():
    text = ("องค์การบริหารส่วนตำบลบ้านกลาง ตั้งอยู่ที่ อำเภอเมือง จังหวัดลำพูน\n"
            "ติดต่อ จังหวัดลำพูน โทร 053\nแผนพัฒนาองค์การบริหารส่วนตำบลบ้านกลาง\n")
    assert planparse.parse(text).organization.name == "องค์การบริหารส่วนตำบลบ้านกลาง"


def test_no_organization():
    assert planparse.parse("วิสัยทัศน์\nเมืองน่าอยู่").organization is None


PERIODS = [
    ("ปี ๒๕๕๖ - ๒๕๖๑", 2556, 2561),
    ("(พ.ศ. 2561 – 2564)", 2561, 2564),
    ("แผนพัฒนาท้องถิ่น (พ.ศ.2566-2570)", 2566, 2570),
    ("ปีงบประมาณ 2561 ถึง 2565", 2561, 2565),
    ("แผนพัฒนาสี่ปี 2561-64", 2561, 2564),
    ("Strategic plan 2018-2022", 2561, 2565),
]


@pytest.mark.parametrize("text, start, end", PERIODS, ids=[row[0] for row in PERIODS])
def test_period(text, start, end):
    period = planparse.parse(text).period
    assert (period.start_year, period.end_year) == (start, end)


@pytest.mark.parametrize("text", ["ระหว่างวันที่ 27 – 28 สิงหาคม 2560", "ภายในปี พ.ศ. 2579",
                                  "ปี 2500 - 2560 (ประวัติ 60 ปี)"])
def test_not_a_period(text):
    assert planparse.parse(text).period is None
