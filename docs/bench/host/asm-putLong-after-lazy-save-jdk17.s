# HostAccessBenchmark.putLong, mode after-lazy-save, JDK 17.0.15, C2 OSR compile of putLong_thrpt_jmhStub (2026-12-08).
# -XX:CompileCommand=print, hex decoded with objdump -Mintel. The host loop keeps its seed s in [rsp+0x70]
# and its counter i in [rsp+0x54]: two stack stores per iteration besides the guest store, because
# GuestMemory::slow is compiled into the loop as a call ('optimized virtual_call').
    7f0ca4f570d6:	48 8b 6c 24 48       	mov    rbp,QWORD PTR [rsp+0x48]
    7f0ca4f570db:	48 83 e5 07          	and    rbp,0x7
    7f0ca4f570df:	49 c1 e3 03          	shl    r11,0x3
    7f0ca4f570e3:	4c 89 5c 24 10       	mov    QWORD PTR [rsp+0x10],r11
    7f0ca4f570e8:	45 33 db             	xor    r11d,r11d
    7f0ca4f570eb:	44 89 5c 24 54       	mov    DWORD PTR [rsp+0x54],r11d
    7f0ca4f570f0:	e9 91 00 00 00       	jmp    0x7f0ca4f57186
    7f0ca4f570f5:	45 8b da             	mov    r11d,r10d
    7f0ca4f570f8:	43 8b 7c dc 78       	mov    edi,DWORD PTR [r12+r11*8+0x78]
    7f0ca4f570fd:	45 8b d0             	mov    r10d,r8d
        ;; ; implicit exception: dispatches to 0x00007f0ca4f575ec
    7f0ca4f57100:	45 8b 44 fc 0c       	mov    r8d,DWORD PTR [r12+rdi*8+0xc]
    7f0ca4f57105:	45 3b d0             	cmp    r10d,r8d
    7f0ca4f57108:	0f 83 7e 02 00 00    	jae    0x7f0ca4f5738c
    7f0ca4f5710e:	47 8b 5c dc 74       	mov    r11d,DWORD PTR [r12+r11*8+0x74]
    7f0ca4f57113:	4d 63 c2             	movsxd r8,r10d
    7f0ca4f57116:	4d 8d 0c fc          	lea    r9,[r12+rdi*8]
    7f0ca4f5711a:	43 c6 44 01 10 01    	mov    BYTE PTR [r9+r8*1+0x10],0x1
        ;; ; implicit exception: dispatches to 0x00007f0ca4f575fc
    7f0ca4f57120:	47 8b 4c dc 0c       	mov    r9d,DWORD PTR [r12+r11*8+0xc]
    7f0ca4f57125:	45 3b d1             	cmp    r10d,r9d
    7f0ca4f57128:	0f 83 e2 02 00 00    	jae    0x7f0ca4f57410
    7f0ca4f5712e:	c6 02 03             	mov    BYTE PTR [rdx],0x3
    7f0ca4f57131:	4f 8d 14 dc          	lea    r10,[r12+r11*8]
    7f0ca4f57135:	43 c6 44 02 10 01    	mov    BYTE PTR [r10+r8*1+0x10],0x1
    7f0ca4f5713b:	0f 1f 44 00 00       	nop    DWORD PTR [rax+rax*1+0x0]
    7f0ca4f57140:	44 8b 54 24 68       	mov    r10d,DWORD PTR [rsp+0x68]
    7f0ca4f57145:	47 0f b6 5c d4 64    	movzx  r11d,BYTE PTR [r12+r10*8+0x64]
    7f0ca4f5714b:	45 85 db             	test   r11d,r11d
    7f0ca4f5714e:	0f 84 c4 01 00 00    	je     0x7f0ca4f57318
    7f0ca4f57154:	45 8b da             	mov    r11d,r10d
    7f0ca4f57157:	4f 8b 54 dc 20       	mov    r10,QWORD PTR [r12+r11*8+0x20]
    7f0ca4f5715c:	4c 03 d1             	add    r10,rcx
    7f0ca4f5715f:	4c 8b 5c 24 70       	mov    r11,QWORD PTR [rsp+0x70]
    7f0ca4f57164:	4d 89 1a             	mov    QWORD PTR [r10],r11
    7f0ca4f57167:	44 8b 54 24 54       	mov    r10d,DWORD PTR [rsp+0x54]
    7f0ca4f5716c:	41 ff c2             	inc    r10d
    7f0ca4f5716f:	44 89 54 24 54       	mov    DWORD PTR [rsp+0x54],r10d
    7f0ca4f57174:	41 81 fa 00 04 00 00 	cmp    r10d,0x400
    7f0ca4f5717b:	0f 8d af fe ff ff    	jge    0x7f0ca4f57030
    7f0ca4f57181:	4c 8b 54 24 70       	mov    r10,QWORD PTR [rsp+0x70]
    7f0ca4f57186:	49 bb 15 7c 4a 7f b9 	movabs r11,0x9e3779b97f4a7c15
    7f0ca4f5718d:	79 37 9e 
    7f0ca4f57190:	4d 03 d3             	add    r10,r11
    7f0ca4f57193:	4c 89 54 24 70       	mov    QWORD PTR [rsp+0x70],r10
    7f0ca4f57198:	49 c1 ea 21          	shr    r10,0x21
    7f0ca4f5719c:	4c 33 54 24 70       	xor    r10,QWORD PTR [rsp+0x70]
    7f0ca4f571a1:	49 bb cd 8c 55 ed d7 	movabs r11,0xff51afd7ed558ccd
    7f0ca4f571a8:	af 51 ff 
    7f0ca4f571ab:	4d 0f af d3          	imul   r10,r11
    7f0ca4f571af:	4d 8b da             	mov    r11,r10
    7f0ca4f571b2:	49 c1 eb 21          	shr    r11,0x21
    7f0ca4f571b6:	4d 33 da             	xor    r11,r10
    7f0ca4f571b9:	49 ba 53 ec 85 1a fe 	movabs r10,0xc4ceb9fe1a85ec53
    7f0ca4f571c0:	b9 ce c4 
    7f0ca4f571c3:	4d 0f af da          	imul   r11,r10
    7f0ca4f571c7:	4d 8b d3             	mov    r10,r11
    7f0ca4f571ca:	49 c1 ea 21          	shr    r10,0x21
    7f0ca4f571ce:	4d 33 d3             	xor    r10,r11
    7f0ca4f571d1:	49 8b ca             	mov    rcx,r10
    7f0ca4f571d4:	48 23 4c 24 48       	and    rcx,QWORD PTR [rsp+0x48]
    7f0ca4f571d9:	48 85 c9             	test   rcx,rcx
    7f0ca4f571dc:	7c 77                	jl     0x7f0ca4f57255
    7f0ca4f571de:	44 8b 5c 24 68       	mov    r11d,DWORD PTR [rsp+0x68]
    7f0ca4f571e3:	4f 8b 5c dc 38       	mov    r11,QWORD PTR [r12+r11*8+0x38]
    7f0ca4f571e8:	49 3b cb             	cmp    rcx,r11
    7f0ca4f571eb:	0f 8f a7 00 00 00    	jg     0x7f0ca4f57298
    7f0ca4f571f1:	4c 8b dd             	mov    r11,rbp
    7f0ca4f571f4:	4d 23 da             	and    r11,r10
    7f0ca4f571f7:	4d 85 db             	test   r11,r11
    7f0ca4f571fa:	0f 85 d8 00 00 00    	jne    0x7f0ca4f572d8
    7f0ca4f57200:	4c 8b c1             	mov    r8,rcx
    7f0ca4f57203:	49 c1 e8 10          	shr    r8,0x10
    7f0ca4f57207:	49 8b d8             	mov    rbx,r8
    7f0ca4f5720a:	44 8b 54 24 68       	mov    r10d,DWORD PTR [rsp+0x68]
    7f0ca4f5720f:	4b 03 5c d4 58       	add    rbx,QWORD PTR [r12+r10*8+0x58]
    7f0ca4f57214:	48 8b d3             	mov    rdx,rbx
    7f0ca4f57217:	44 0f be 1a          	movsx  r11d,BYTE PTR [rdx]
    7f0ca4f5721b:	41 f7 c3 02 00 00 00 	test   r11d,0x2
    7f0ca4f57222:	0f 85 18 ff ff ff    	jne    0x7f0ca4f57140
    7f0ca4f57228:	41 f7 c3 04 00 00 00 	test   r11d,0x4
    7f0ca4f5722f:	0f 84 c0 fe ff ff    	je     0x7f0ca4f570f5
    7f0ca4f57235:	48 8b 74 24 10       	mov    rsi,QWORD PTR [rsp+0x10]
    7f0ca4f5723a:	ba 06 00 00 00       	mov    edx,0x6
    7f0ca4f5723f:	41 b8 08 00 00 00    	mov    r8d,0x8
    7f0ca4f57245:	4c 8b 4c 24 70       	mov    r9,QWORD PTR [rsp+0x70]
    7f0ca4f5724a:	90                   	nop
    7f0ca4f5724b:	e8 30 24 a3 ff       	call   0x7f0ca4989680
    7f0ca4f57250:	e9 12 ff ff ff       	jmp    0x7f0ca4f57167
    7f0ca4f57255:	45 33 d2             	xor    r10d,r10d
    7f0ca4f57258:	49 3b ca             	cmp    rcx,r10
    7f0ca4f5725b:	bd ff ff ff ff       	mov    ebp,0xffffffff
    7f0ca4f57260:	7c 08                	jl     0x7f0ca4f5726a
    7f0ca4f57262:	40 0f 95 c5          	setne  bpl
    7f0ca4f57266:	40 0f b6 ed          	movzx  ebp,bpl
    7f0ca4f5726a:	be 45 ff ff ff       	mov    esi,0xffffff45
