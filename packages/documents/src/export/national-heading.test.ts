import { describe, expect, it } from 'vitest'
import { issuerInSentence, issuerLines, issuerSymbol, nationalHeading, placeDateLine, signatureBlock } from './national-heading'

describe('issuerLines', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Kiên Giang', ['ỦY BAN NHÂN DÂN', 'TỈNH KIÊN GIANG']],
    ['UBND tỉnh Lào Cai', ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI']],
    ['UBND xã Đức Hợp', ['ỦY BAN NHÂN DÂN', 'XÃ ĐỨC HỢP']],
    ['Uỷ ban nhân dân thành phố Huế', ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HUẾ']],
  ])('splits a people’s committee after its kind of body, both lines bold: %s', (issuer, lines) => {
    expect(issuerLines(issuer)).toEqual(lines.map((text) => ({ text, bold: true })))
  })

  it('puts a department under its committee, the committee plain and the department bold (Decree 30/2020, App. I)', () => {
    expect(issuerLines('Sở Nội vụ tỉnh Kiên Giang')).toEqual([
      { text: 'UBND TỈNH KIÊN GIANG', bold: false },
      { text: 'SỞ NỘI VỤ', bold: true },
    ])
  })

  it('keeps a name it cannot split on one bold line, in capitals', () => {
    expect(issuerLines('Ban Chỉ đạo CCHC')).toEqual([{ text: 'BAN CHỈ ĐẠO CCHC', bold: true }])
  })
})

describe('placeDateLine', () => {
  it.each([
    ['2018-05-18', 'Kiên Giang, ngày 18 tháng 5 năm 2018'],
    ['2018-05-08', 'Kiên Giang, ngày 08 tháng 5 năm 2018'],
    ['2018-02-18', 'Kiên Giang, ngày 18 tháng 02 năm 2018'],
    ['2018-01-05', 'Kiên Giang, ngày 05 tháng 01 năm 2018'],
    ['2018-12-25', 'Kiên Giang, ngày 25 tháng 12 năm 2018'],
  ])('writes %s in words, zero before days below 10 and months 1 and 2', (date, line) => {
    expect(placeDateLine('Kiên Giang', date)).toBe(line)
  })

  it('writes dd/mm/yyyy in English', () => {
    expect(placeDateLine('Kiên Giang', '2018-07-05', 'en')).toBe('Kiên Giang, 05/07/2018')
  })

  it('opens with "Ngày" when no place is known', () => {
    expect(placeDateLine(undefined, '2018-07-05')).toBe('Ngày 05 tháng 7 năm 2018')
  })
})

describe('nationalHeading', () => {
  it('gives the Vietnamese national name and motto, and reads the place from the issuer', () => {
    expect(nationalHeading({ issuer: 'Ủy ban nhân dân tỉnh Kiên Giang', date: '2018-05-18' })).toEqual({
      issuer: [
        { text: 'ỦY BAN NHÂN DÂN', bold: true },
        { text: 'TỈNH KIÊN GIANG', bold: true },
      ],
      motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      placeDate: 'Kiên Giang, ngày 18 tháng 5 năm 2018',
    })
  })

  it('takes the last locality of a long issuer name', () => {
    expect(nationalHeading({ issuer: 'Sở Lao động - Thương binh và Xã hội tỉnh Kiên Giang', date: '2018-05-18' }).placeDate).toBe(
      'Kiên Giang, ngày 18 tháng 5 năm 2018',
    )
  })

  it('reads a date-time on Viet Nam’s clock: 20:00 UTC on 4 July is already 5 July there', () => {
    expect(nationalHeading({ issuer: 'UBND tỉnh Kiên Giang', date: '2018-07-04T20:00:00Z' }).placeDate).toBe(
      'Kiên Giang, ngày 05 tháng 7 năm 2018',
    )
  })

  it('prints the number after "Số:" and has English wording', () => {
    const heading = nationalHeading({
      issuer: 'UBND tỉnh Kiên Giang',
      place: 'Kiên Giang',
      date: '2018-07-05',
      number: '12/BC-UBND',
      locale: 'en',
    })
    expect(heading.number).toBe('No.: 12/BC-UBND')
    expect(heading.motto).toEqual(['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'])
    expect(heading.placeDate).toBe('Kiên Giang, 05/07/2018')
  })
})

describe('issuerInSentence', () => {
  it('undoes the heading’s capitals: the kind of body in lower case, the place as a name', () => {
    expect(issuerInSentence('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG')).toBe('Ủy ban nhân dân tỉnh Kiên Giang')
    expect(issuerInSentence('UBND XÃ ĐỨC HỢP')).toBe('UBND xã Đức Hợp')
    expect(issuerInSentence('SỞ NỘI VỤ TỈNH KIÊN GIANG')).toBe('Sở Nội vụ tỉnh Kiên Giang')
    expect(issuerInSentence('UBND THÀNH PHỐ RẠCH GIÁ')).toBe('UBND thành phố Rạch Giá')
  })

  it('keeps a name already written in mixed case', () => {
    expect(issuerInSentence('Ủy ban nhân dân tỉnh Lào Cai')).toBe('Ủy ban nhân dân tỉnh Lào Cai')
  })
})

describe('issuerSymbol', () => {
  it('is UBND or HĐND for a committee or council, the initials of a department', () => {
    expect(issuerSymbol('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG')).toBe('UBND')
    expect(issuerSymbol('Hội đồng nhân dân tỉnh Lào Cai')).toBe('HĐND')
    expect(issuerSymbol('Sở Nội vụ tỉnh Kiên Giang')).toBe('SNV')
  })
})

describe('signatureBlock', () => {
  it('signs for a committee (TM.) by its chair, or by a deputy for the chair (KT.)', () => {
    expect(signatureBlock('Ủy ban nhân dân tỉnh Kiên Giang', { name: 'Phạm Vũ Hồng' })).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Phạm Vũ Hồng',
    })
    expect(signatureBlock('UBND xã Đức Hợp', { deputy: true })).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] })
  })

  it('signs for a department by its director', () => {
    expect(signatureBlock('Sở Nội vụ tỉnh Kiên Giang', { deputy: true }).lines).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'])
  })
})
